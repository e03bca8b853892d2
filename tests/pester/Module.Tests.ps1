#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The module as a whole, in real pwsh (or Windows PowerShell 5.1): its exports, the help of every cmdlet, Tab
    completion of connection types, and -Debug in a non-interactive host. The cmdlets of each area have their files
    beside this one (<Area>.Tests.ps1, the areas of src/PolytomicPS/Commands/).
    Against the local sandbox (started by Start-TestSandbox) unless POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere
    else. The module is the staged one ($env:POLYTOMICPS_MODULE_PATH, else the newest out/PolytomicPS/<version>/).
    Pester 5:  Invoke-Pester tests/pester/Module.Tests.ps1   (every file: ./build.ps1 -Task Test or Invoke-Pester tests/pester)
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeDiscovery {
    # Discovery runs before BeforeAll: read the cmdlet names from the manifest so that each gets a test of its own.
    $stage = $env:POLYTOMICPS_MODULE_PATH
    if (-not $stage) {
        $stage = [System.IO.Directory]::GetDirectories([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'PolytomicPS')) |
            Sort-Object { [version][System.IO.Path]::GetFileName($_) } | Select-Object -Last 1
    }
    $cmdletNames = (Import-PowerShellDataFile ([System.IO.Path]::Combine($stage, 'PolytomicPS.psd1'))).CmdletsToExport
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $modulePath = $testSandbox.ModulePath
    $apiKey = $testSandbox.ApiKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion
}

AfterAll {
    Stop-TestSandbox $testSandbox
}

Describe 'The module' {
    It 'exports exactly the cmdlets of its manifest' {
        $manifest = Import-PowerShellDataFile ([System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1'))
        (Get-Command -Module PolytomicPS).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'has at least 100 cmdlets to check the help of' -ForEach @(@{ Found = @($cmdletNames).Count }) {
        $Found | Should -BeGreaterThan 100
    }

    It 'has help with a synopsis, a description, examples and documented parameters for <_>' -ForEach $cmdletNames {
        $help = Get-Help $_ -Full
        $help.Name | Should -Be $_
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape($_) + ' \[')   # PowerShell's stand-in when no MAML is found
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($parameter in @($help.parameters.parameter | Where-Object { $_.name })) {
            if ($parameter.name -in 'WhatIf', 'Confirm') { continue }
            ($parameter.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) of $_ needs a description"
        }
    }

    It 'completes connection types with Tab' {
        $line = 'New-PolytomicConnection -Name x -Type snow'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'snowflake'
    }
}

Describe '-Debug in a non-interactive host' {
    It 'shows the request lines and never prompts, for Connect-Polytomic and an API cmdlet' {
        $pwsh = Get-PwshCommand
        $manifest = [System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')
        $command = "Import-Module '$manifest'; " +
            "`$null = Connect-Polytomic -ApiKey `$env:PESTER_KEY -BaseUrl '$baseUrl' -ApiVersion $apiVersion -Debug; " +
            "`$null = Get-PolytomicConnection -Debug; 'finished'"
        $env:PESTER_KEY = $apiKey
        try {
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command 2>&1 | Out-String
        } finally { Remove-Item Env:PESTER_KEY }
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Not -Match 'NonInteractive mode'
        $output | Should -Match 'GET /api/connections \(attempt 1\)'
        $output | Should -Match 'GET /api/connections -> 200'
        $output | Should -Match 'Connected to'
        $output | Should -Match 'finished'
        $output | Should -Not -Match ([regex]::Escape($apiKey))
    }
}
