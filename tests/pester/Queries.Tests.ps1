#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Queries: Invoke-PolytomicQuery on a database connection, against the local sandbox unless POLYTOMIC_API_KEY and
    POLYTOMIC_BASE_URL point somewhere else. Set-up in TestSandbox.psm1.
    Pester 5:  Invoke-Pester tests/pester/Queries.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    # These tests speak 2025-09-18 whatever version the run is on.
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -SessionVersion 2025-09-18
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    Stop-TestSandbox $testSandbox
}

Describe 'Queries' {
    BeforeAll {
        $script:pg = New-PolytomicConnection -Name "pester-postgresql-$tag-$([guid]::NewGuid().ToString('N').Substring(0, 4))" -Type postgresql -Configuration @{ hostname = 'db'; username = 'u'; password = 'p'; database = 'd' }
    }
    AfterAll { $script:pg | Remove-PolytomicConnection -Force }

    It 'Invoke-PolytomicQuery streams the rows as objects with the query columns' {
        $rows = @($pg | Invoke-PolytomicQuery -Query 'select id, email from public.users limit 7' -PollIntervalSeconds 0.05)
        $rows.Count | Should -Be 7
        $rows[0].PSObject.Properties.Name | Should -Be @('id', 'email')
        $rows = @(Invoke-PolytomicQuery -ConnectionId $pg.Id -Query 'select * from t limit 2' -AsDictionary -PollIntervalSeconds 0.05)
        $rows[1] | Should -BeOfType ([System.Collections.Generic.Dictionary[string, object]])
    }

    It 'Invoke-PolytomicQuery reports a failing query with the database message' {
        { $pg | Invoke-PolytomicQuery -Query 'selec 1' -PollIntervalSeconds 0.05 -ErrorAction Stop } | Should -Throw -ErrorId 'QueryFailed*'
    }
}
