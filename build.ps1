<#
.SYNOPSIS
    Builds, tests and packages PolytomicPS, and runs the walkthroughs. A thin wrapper over `dotnet`, written with the
    language and .NET only, so Build and Package also run in Windows PowerShell 5.1.
.PARAMETER Task
    Build (default): compile and stage the module, with its help, under <OutputPath>/PolytomicPS/<version>/ (ready for
    Publish-Module -Path or Publish-PSResource -Path).
    Test: Build, then every test: the xunit suite (`dotnet test`), then the Pester suite (tests/pester) in real pwsh
    once per API version (2024-02-08 and 2025-09-18), each file against a sandbox it starts and stops. Pester 5.7.1
    comes from NuGet (tools/Pester). Ends with one line "N passed, N failed" for everything it ran; fails if any failed.
    Walkthroughs: Build, then run examples/walkthroughs.ps1 in real pwsh against a local sandbox started and stopped
    here, once per API version.
    Package: Build in Release and zip the staged module for Azure Automation: <OutputPath>/PolytomicPS.zip, whose
    root is a PolytomicPS folder holding the module.
.PARAMETER Configuration
    Debug or Release; Package uses Release unless told otherwise.
.PARAMETER OutputPath
    Where to stage and package (default: out/ beside this script).
.PARAMETER ApiVersion
    Test and Walkthroughs: the API versions to run on (default: both).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Walkthroughs -ApiVersion 2025-09-18
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Walkthroughs', 'Package')]
    [string]$Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Debug',
    [string]$OutputPath,
    [ValidateSet('2024-02-08', '2025-09-18')]
    [string[]]$ApiVersion = @('2024-02-08', '2025-09-18')
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
if (-not $OutputPath) { $OutputPath = [System.IO.Path]::Combine($root, 'out') }
$OutputPath = [System.IO.Path]::GetFullPath($OutputPath)

function Invoke-Dotnet {
    param([string[]]$Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-ModuleVersion {
    $props = [xml][System.IO.File]::ReadAllText([System.IO.Path]::Combine($root, 'Directory.Build.props'))
    foreach ($group in $props.Project.PropertyGroup) { if ($group.Version) { return [string]$group.Version } }
    throw 'No <Version> in Directory.Build.props'
}

if ($Task -eq 'Test') {
    # A test run leaves no process behind: no MSBuild nodes or compiler server kept alive after the build.
    $env:MSBUILDDISABLENODEREUSE = '1'; $env:DOTNET_CLI_USE_MSBUILD_SERVER = '0'; $env:UseSharedCompilation = 'false'
}
if ($Task -eq 'Package' -and -not $PSBoundParameters.ContainsKey('Configuration')) { $Configuration = 'Release' }
# The help generator builds the module first, then writes en-US/ into the staged folder.
$stageRoot = $OutputPath.TrimEnd('\', '/') + [System.IO.Path]::DirectorySeparatorChar
Invoke-Dotnet @('build', [System.IO.Path]::Combine($root, 'tools', 'PolytomicPS.HelpGen', 'PolytomicPS.HelpGen.csproj'),
    '-c', $Configuration, '--nologo', "-p:ModuleStageRoot=$stageRoot")
$version = Get-ModuleVersion
$stage = [System.IO.Path]::Combine($OutputPath, 'PolytomicPS', $version)
"Module staged in $stage"

if ($Task -eq 'Test') {
    & ([System.IO.Path]::Combine($root, 'tools', 'Test.ps1')) -Root $root -Stage $stage -Configuration $Configuration -ApiVersion $ApiVersion
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

if ($Task -eq 'Walkthroughs') {
    & ([System.IO.Path]::Combine($root, 'tools', 'Walkthroughs.ps1')) -Root $root -Stage $stage -Configuration $Configuration -ApiVersion $ApiVersion
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

if ($Task -eq 'Package') {
    # Azure Automation imports a zip named like the module, holding the module folder (paths under 140 characters).
    $zip = [System.IO.Path]::Combine($OutputPath, 'PolytomicPS.zip')
    if ([System.IO.File]::Exists($zip)) { [System.IO.File]::Delete($zip) }
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        $null = [System.Reflection.Assembly]::Load('System.IO.Compression.FileSystem, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089')
    } else {
        $null = [System.Reflection.Assembly]::Load('System.IO.Compression.ZipFile')
    }
    $archive = [System.IO.Compression.ZipFile]::Open($zip, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($file in [System.IO.Directory]::GetFiles($stage, '*', [System.IO.SearchOption]::AllDirectories)) {
            $entry = 'PolytomicPS/' + $file.Substring($stage.Length).TrimStart('\', '/').Replace('\', '/')
            if ($entry.Length -ge 140) { throw "Path too long for Azure Automation: $entry" }
            $null = [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($archive, $file, $entry)
        }
    } finally {
        $archive.Dispose()
    }
    "Package: $zip"
}
