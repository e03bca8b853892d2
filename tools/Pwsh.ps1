<#
    Dot-sourced by tools/Test.ps1, tools/Walkthroughs.ps1 and tests/pester/TestSandbox.psm1 (which exports it): Get-PwshCommand gives the
    command line that starts a child real pwsh: the one running now when it is PowerShell 7 (as a dotnet tool it runs
    inside `dotnet`), else the repo's pinned tool (`dotnet pwsh`, after `dotnet tool restore`).
#>
function Get-PwshCommand {
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $self = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $name = [System.IO.Path]::GetFileNameWithoutExtension($self)
        if ($name -eq 'dotnet') { return @($self, [System.IO.Path]::Combine($PSHOME, 'pwsh.dll')) }
        return @($self)
    }
    @('dotnet', 'pwsh')
}
