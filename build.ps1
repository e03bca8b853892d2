<#
.SYNOPSIS
    Builds, tests and packages PolytomicPS. A thin wrapper over `dotnet`, written with the language and .NET only, so it
    runs in Windows PowerShell 5.1, PowerShell 7 and the repo's own host (no pwsh needed).
.PARAMETER Task
    Build (default): compile and stage the module under out/PolytomicPS/<version>/.
    Test: Build, then `dotnet test`, then the Pester tests when Pester is installed.
    Package: Build in Release and zip the staged module for Azure Automation (out/PolytomicPS.zip).
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
    [string]$Configuration = 'Debug'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

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

if ($Task -eq 'Package') { $Configuration = 'Release' }
Invoke-Dotnet @('build', [System.IO.Path]::Combine($root, 'src', 'PolytomicPS', 'PolytomicPS.csproj'), '-c', $Configuration, '--nologo')
$version = Get-ModuleVersion
$stage = [System.IO.Path]::Combine($root, 'out', 'PolytomicPS', $version)
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
    # Azure Automation wants a zip named like the module whose root is the module folder's content.
    $zip = [System.IO.Path]::Combine($root, 'out', 'PolytomicPS.zip')
    if ([System.IO.File]::Exists($zip)) { [System.IO.File]::Delete($zip) }
    if ($PSVersionTable.PSEdition -eq 'Desktop') { Add-Type -AssemblyName System.IO.Compression.FileSystem }
    [System.IO.Compression.ZipFile]::CreateFromDirectory($stage, $zip)
    "Package: $zip"
}
