#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Behaviour of every PolytomicPS cmdlet, for users and maintainers with real pwsh (or Windows PowerShell 5.1) and
    Pester 5:  ./build.ps1 -Task Test   or   Invoke-Pester tests/pester
    Against the local sandbox (started by Sandbox.ps1 with `dotnet run --project src/Polytomic.Sandbox` on a free port)
    unless POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere else. The module is the staged one
    ($env:POLYTOMICPS_MODULE_PATH, else the newest out/PolytomicPS/<version>/). Bulk syncs, models and model syncs
    have their own files beside this one.
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
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1'))
}

AfterAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1')) -Stop
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

Describe 'Sessions' {
    It 'Connect-Polytomic outputs a session with the key masked' {
        $s = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion 2025-09-18
        $s.ApiVersion | Should -Be '2025-09-18'
        $s.MaskedKey | Should -Not -Be $apiKey
        "$s" | Should -Not -Match ([regex]::Escape($apiKey))
    }

    It 'Get-PolytomicSession returns the default session' {
        $s = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
        (Get-PolytomicSession).ConnectedAt | Should -Be $s.ConnectedAt
    }

    It 'Disconnect-Polytomic closes it, and cmdlets then say to connect' {
        $null = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
        Disconnect-Polytomic
        { Get-PolytomicConnection -ErrorAction Stop } | Should -Throw -ErrorId 'NoSession*'
        $script:session = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
    }
}

Describe 'Connections' {
    BeforeAll {
        $script:name = 'Pester ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    }

    It 'Get-PolytomicConnectionType lists the catalogue and the fields of a type' {
        (Get-PolytomicConnectionType).Id | Should -Contain 'stripe'
        $fields = Get-PolytomicConnectionType -Type stripe
        ($fields | Where-Object Name -EQ 'api_key').Required | Should -BeTrue
    }

    It 'New-PolytomicConnection creates a connection' {
        $script:conn = New-PolytomicConnection -Name $name -Type stripe -Configuration @{ api_key = 'sk_test_pester' }
        $conn.Name | Should -Be $name
        $conn.Type | Should -Be 'stripe'
    }

    It 'New-PolytomicConnection refuses a configuration without a required field' {
        { New-PolytomicConnection -Name "$name bad" -Type stripe -Configuration @{} -ErrorAction Stop } |
            Should -Throw -ErrorId 'MissingRequiredConfiguration*'
    }

    It 'New-PolytomicConnection -WhatIf creates nothing' {
        New-PolytomicConnection -Name "$name whatif" -Type stripe -Configuration @{ api_key = 'x' } -WhatIf
        Get-PolytomicConnection -Name "$name whatif" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Get-PolytomicConnection finds it by name, wildcard and id' {
        (Get-PolytomicConnection -Name $name).Id | Should -Be $conn.Id
        (Get-PolytomicConnection -Name 'Pester *').Id | Should -Contain $conn.Id
        ($conn | Get-PolytomicConnection).Name | Should -Be $name
    }

    It 'Get-PolytomicConnection reports an unknown id as NotFound' {
        { Get-PolytomicConnection -Id '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Set-PolytomicConnection renames it and keeps its configuration' {
        $updated = $conn | Set-PolytomicConnection -NewName "$name renamed" -PassThru
        $updated.Name | Should -Be "$name renamed"
        $updated.Configuration['api_key'] | Should -Not -BeNullOrEmpty
    }

    It 'Test-PolytomicConnection reports success' {
        ($conn | Test-PolytomicConnection).Success | Should -BeTrue
        Test-PolytomicConnection -Id $conn.Id -Quiet | Should -BeTrue
    }

    It 'Test-PolytomicConnection reports a failing configuration as a result, not an error' {
        $result = Test-PolytomicConnection -Type stripe -Configuration @{ api_key = 'wrong-password' }
        $result.Success | Should -BeFalse
    }

    It 'Get-PolytomicSchemaStatus and Update-PolytomicSchema show the schema cache' {
        ($conn | Get-PolytomicSchemaStatus).ConnectionId | Should -Be $conn.Id
        ($conn | Update-PolytomicSchema -PassThru).ConnectionId | Should -Be $conn.Id
    }

    It 'Wait-PolytomicConnection waits for the schema cache and outputs the connection' {
        ($conn | Wait-PolytomicConnection -TimeoutSeconds 60 -PollIntervalSeconds 0.2).Id | Should -Be $conn.Id
        ($conn | Get-PolytomicSchemaStatus).IsReady | Should -BeTrue
    }

    It 'Remove-PolytomicConnection -Confirm:$false deletes it without prompting' {
        $conn | Remove-PolytomicConnection -Confirm:$false
        { Get-PolytomicConnection -Id $conn.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}
