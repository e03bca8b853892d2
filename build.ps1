<#
.SYNOPSIS
    Builds, tests and packages PolytomicPS. A thin wrapper over `dotnet`, written with the language and .NET only, so it
    runs in Windows PowerShell 5.1, PowerShell 7 and the repo's own host (no pwsh needed).
.PARAMETER Task
    Build (default): compile and stage the module, with its help, under <OutputPath>/PolytomicPS/<version>/ (ready for
    Publish-Module -Path or Publish-PSResource -Path).
    Test: Build, then `dotnet test`, then the Pester tests (tests/*.Tests.ps1) when Pester is installed.
    Package: Build in Release and zip the staged module for Azure Automation: <OutputPath>/PolytomicPS.zip, whose
    root is a PolytomicPS folder holding the module.
.PARAMETER Configuration
    Debug or Release; Package uses Release unless told otherwise.
.PARAMETER OutputPath
    Where to stage and package (default: out/ beside this script).
.EXAMPLE
    ./build.ps1 -Task Test
.EXAMPLE
    dotnet run --project src/PolytomicPS.Host -- build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string]$Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Debug',
    [string]$OutputPath
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

if ($Task -eq 'Package' -and -not $PSBoundParameters.ContainsKey('Configuration')) { $Configuration = 'Release' }
# The help generator builds the module first, then writes en-US/ into the staged folder.
$stageRoot = $OutputPath.TrimEnd('\', '/') + [System.IO.Path]::DirectorySeparatorChar
Invoke-Dotnet @('build', [System.IO.Path]::Combine($root, 'tools', 'PolytomicPS.HelpGen', 'PolytomicPS.HelpGen.csproj'),
    '-c', $Configuration, '--nologo', "-p:ModuleStageRoot=$stageRoot")
$version = Get-ModuleVersion
$stage = [System.IO.Path]::Combine($OutputPath, 'PolytomicPS', $version)
"Module staged in $stage"

if ($Task -eq 'Test') {
    Invoke-Dotnet @('test', [System.IO.Path]::Combine($root, 'PolytomicPS.sln'), '-c', $Configuration, '--nologo')
    if (Get-Command Invoke-Pester -ErrorAction SilentlyContinue) {
        $env:POLYTOMICPS_MODULE_PATH = $stage
        $result = Invoke-Pester -Path ([System.IO.Path]::Combine($root, 'tests')) -PassThru
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed" }
    } else {
        'Pester is not installed: skipping tests/*.Tests.ps1 (the xunit suite parses them).'
    }
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
