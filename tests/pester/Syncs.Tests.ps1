#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Model syncs (Reverse ETL): every sync, target and schedule cmdlet against the sandbox (or
    POLYTOMIC_API_KEY/POLYTOMIC_BASE_URL), happy path and one bad input each, with the ErrorId scripts can rely on.
    Set-up in TestSandbox.psm1. The session speaks the run's API version (Start-TestSandbox) unless a test says otherwise.
    Pester 5:  Invoke-Pester tests/pester/Syncs.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $apiKey = $testSandbox.ApiKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion

    $script:tag = 'Pester sync ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:crm = New-SandboxConnectionPair $tag
    # The model the syncs are made from.
    $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $script:missing = '00000000-0000-0000-0000-000000000000'
}

AfterAll {
    Get-PolytomicSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicModel -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake, $crm | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Sync targets and schedules' {
    It 'Get-PolytomicScheduleOption lists the frequencies' {
        (Get-PolytomicScheduleOption).Frequency | Should -Contain 'continuous'
        (Get-PolytomicScheduleOption -Frequency daily).Frequency | Should -Be 'daily'
    }

    It 'Get-PolytomicTarget lists the objects of a connection' {
        (Get-PolytomicTarget $crm).Id | Should -Contain 'Contact'
        (Get-PolytomicTarget -ConnectionId $crm.Id -Name 'Cont*').Id | Should -Contain 'Contact'
    }

    It 'Get-PolytomicTarget walks the 2024-02-08 drill-down' {
        $v2024 = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion 2024-02-08
        try {
            (Get-PolytomicTarget $snowflake -Recurse -Session $v2024).TargetObject | Should -Contain 'CUSTOMERS.CONTACTS'
            (Get-PolytomicTarget $snowflake -Type table -Search CUSTOMERS -Session $v2024).Value | Should -Contain 'CUSTOMERS.CONTACTS'
        } finally {
            $script:session = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
        }
    }

    It 'Get-PolytomicTarget reports an unknown level as BadRequest, and the drill-down on 2025-09-18 as not supported' {
        $v2024 = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion 2024-02-08
        $v2025 = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion 2025-09-18
        try {
            { Get-PolytomicTarget $snowflake -Type warehouse -Session $v2024 -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
            { Get-PolytomicTarget $snowflake -Type schema -Session $v2025 -ErrorAction Stop } | Should -Throw -ErrorId 'ApiVersionNotSupported*'
        } finally {
            $script:session = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
        }
    }

    It 'Get-PolytomicTargetField lists fields with identity functions, and the modes' {
        $fields = Get-PolytomicTarget $crm -Name Contact | Get-PolytomicTargetField
        ($fields | Where-Object Id -EQ 'Email').IdentityFunctions.Id | Should -Contain 'Equality'
        (Get-PolytomicTargetField $crm -Object Lead -Modes).Mode | Should -Contain 'updateOrCreate'
    }

    It 'Get-PolytomicTargetField reports an unknown object as NotFound' {
        { Get-PolytomicTargetField -ConnectionId $crm.Id -Object Opportunity -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}

Describe 'Model syncs' {
    It 'New-PolytomicSync creates a sync from the piped model' {
        $script:sync = $model | New-PolytomicSync -Name "$tag sync" -Target $crm -Object Contact -Mode updateOrCreate `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName'; last_name = 'LastName' } -Frequency continuous
        $sync.Name | Should -Be "$tag sync"
        $sync.ModelIds | Should -Contain $model.Id
        $sync.TargetConnectionId | Should -Be $crm.Id
        $sync.TargetObject | Should -Be 'Contact'
        $sync.Mode | Should -Be 'updateOrCreate'
        $sync.Schedule.Frequency | Should -Be 'continuous'
    }

    It 'New-PolytomicSync refuses a matching mode without an identity' {
        { $model | New-PolytomicSync -Name "$tag bad" -Target $crm -Object Contact -Mode create -Field @{ first_name = 'FirstName' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdentityRequired*'
        Get-PolytomicSync -Name "$tag bad" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Get-PolytomicSync finds it by name, target and id' {
        (Get-PolytomicSync -Name "$tag sync").Id | Should -Be $sync.Id
        (Get-PolytomicSync -TargetConnectionId $crm -Mode updateOrCreate).Id | Should -Contain $sync.Id
        $full = $sync | Get-PolytomicSync
        $full.Fields | Should -Not -BeNullOrEmpty
        (Get-PolytomicSync -Name "$tag*" -PageSize 10).Id | Should -Contain $sync.Id
    }

    It 'Get-PolytomicSync reports an unknown name as SyncNotFound and an unknown id as NotFound' {
        { Get-PolytomicSync -Name "$tag no such sync" -ErrorAction Stop } | Should -Throw -ErrorId 'SyncNotFound*'
        { Get-PolytomicSync -Id $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Set-PolytomicSync changes the schedule and keeps the mapping' {
        $updated = $sync | Set-PolytomicSync -NewName "$tag sync v2" -Frequency daily -Schedule @{ hour = '05'; minute = '30' } -PassThru
        $updated.Name | Should -Be "$tag sync v2"
        $updated.Schedule.Frequency | Should -Be 'daily'
        $updated.Schedule.Hour | Should -Be '05'
        $updated.Mode | Should -Be 'updateOrCreate'
        ($sync | Get-PolytomicSync).Fields.Target | Should -Contain 'FirstName'
    }

    It 'Set-PolytomicSync refuses an unknown frequency' {
        { $sync | Set-PolytomicSync -Frequency sometimes -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownFrequency*'
    }

    It 'Disable-PolytomicSync and Enable-PolytomicSync switch it off and on' {
        ($sync | Disable-PolytomicSync -PassThru).Active | Should -BeFalse
        Enable-PolytomicSync -Id $sync.Id
        (Get-PolytomicSync -Id $sync.Id).Active | Should -BeTrue
    }

    It 'Disable-PolytomicSync and Enable-PolytomicSync report an unknown id as NotFound' {
        { Disable-PolytomicSync -Id $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        { Enable-PolytomicSync -Id $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Remove-PolytomicSync -WhatIf keeps it and -Confirm:$false deletes it' {
        $sync | Remove-PolytomicSync -WhatIf
        (Get-PolytomicSync -Id $sync.Id).Id | Should -Be $sync.Id
        $sync | Remove-PolytomicSync -Confirm:$false
        { Get-PolytomicSync -Id $sync.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Remove-PolytomicSync reports an unknown id as NotFound' {
        { Remove-PolytomicSync -Id $missing -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}
