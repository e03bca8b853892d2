#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Online help in a real pwsh: Get-Help -Online opens each cmdlet's page in docs/cmdlets (a stand-in browser on
    Linux and macOS records what it was asked to open), and that page is in the repository.
    Needs no sandbox: only the staged module ($env:POLYTOMICPS_MODULE_PATH, else the newest out/PolytomicPS/<version>/).
#>

BeforeAll {
    $script:root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $modulePath = $env:POLYTOMICPS_MODULE_PATH
    if (-not $modulePath) {
        $modulePath = [System.IO.Directory]::GetDirectories([System.IO.Path]::Combine($root, 'out', 'PolytomicPS')) |
            Sort-Object { [version][System.IO.Path]::GetFileName($_) } | Select-Object -Last 1
    }
    Import-Module ([System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')) -Force
}

Describe 'Online help' {
    It 'Get-Help <Name> -Online opens the page of the cmdlet, which is in the repository' -ForEach @(
        @{ Name = 'Connect-Polytomic' }
        @{ Name = 'Start-PolytomicBulkSync' }
        @{ Name = 'Wait-PolytomicBulkSyncExecution' }
    ) {
        $uri = (Get-Command $Name).HelpUri
        $uri | Should -BeLike "https://github.com/*/PolytomicPS/blob/main/docs/cmdlets/$Name.md"
        Test-Path ([System.IO.Path]::Combine($root, 'docs', 'cmdlets', "$Name.md")) | Should -BeTrue
        if ($IsWindows) { Set-ItResult -Skipped -Because 'no stand-in browser on Windows'; return }

        # .NET opens URLs with xdg-open: put one first on PATH that writes down what it gets.
        $bin = Join-Path ([System.IO.Path]::GetTempPath()) ('help-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $bin
        $log = Join-Path $bin 'opened.txt'
        $opener = Join-Path $bin 'xdg-open'
        Set-Content -Path $opener -Value "#!/bin/sh`necho `"`$1`" >> '$log'"
        [System.IO.File]::SetUnixFileMode($opener, [System.IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
        $path = $env:PATH
        try {
            $env:PATH = $bin + [System.IO.Path]::PathSeparator + $path
            Get-Help $Name -Online
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            # The stand-in creates the file before it writes the line: wait for the line.
            while (-not ((Test-Path $log) -and (Get-Content $log)) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Get-Content $log | Should -Be $uri
        } finally {
            $env:PATH = $path
            Remove-Item -Recurse -Force $bin
        }
    }
}
