<#
.SYNOPSIS
    Runs every example in this folder in turn: the seed walkthroughs, each against a fresh set of objects.
.EXAMPLE
    dotnet run --project src/PolytomicPS.Host -- --sandbox examples/walkthroughs.ps1
#>
param([string]$ApiVersion = '2024-02-08')
$ErrorActionPreference = 'Stop'
# Each walkthrough creates its own 'Snowflake Connection' and 'Salesforce Connection': allow the repeated names here.
$PSDefaultParameterValues['New-PolytomicConnection:Force'] = $true

$scripts = [System.IO.Directory]::GetFiles($PSScriptRoot, '*.ps1') | Where-Object { [System.IO.Path]::GetFileName($_) -ne 'walkthroughs.ps1' }
[array]::Sort($scripts)
foreach ($script in $scripts) {
    "=== $([System.IO.Path]::GetFileName($script)) (API $ApiVersion) ==="
    & $script -ApiVersion $ApiVersion
    ''
}
