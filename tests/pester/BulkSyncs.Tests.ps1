#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Bulk syncs (ELT): every *-PolytomicBulk* cmdlet against the sandbox (or POLYTOMIC_API_KEY/POLYTOMIC_BASE_URL),
    happy path and one bad input each, with the ErrorId scripts can rely on. Set-up in TestSandbox.psm1.
    Runs are in BulkSyncRuns.Tests.ps1.
    The xunit suite parses this file and checks that every command and parameter it uses exists.
    Pester 5:  Invoke-Pester tests/pester/BulkSyncs.Tests.ps1
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $script:sandbox = $testSandbox.Process
    $baseUrl = $testSandbox.BaseUrl

    $script:tag = 'Pester bulk ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag
}

AfterAll {
    Get-PolytomicBulkSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    $salesforce, $snowflake | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Bulk-sync sources and destinations' {
    It 'Get-PolytomicBulkSource lists the schemas of a source and one schema with its fields' {
        $source = $salesforce | Get-PolytomicBulkSource
        $source.Schemas.Id | Should -Contain 'Account'
        $source.Schemas.Id | Should -Contain 'Contact'
        $contact = Get-PolytomicBulkSource -ConnectionId $salesforce.Id -Schema Contact
        $contact.Fields.Id | Should -Contain 'Email'
    }

    It 'Get-PolytomicBulkSource reports an unknown schema as SchemaNotFound' {
        { Get-PolytomicBulkSource -ConnectionId $salesforce.Id -Schema NoSuchObject -ErrorAction Stop } |
            Should -Throw -ErrorId 'SchemaNotFound*'
    }

    It 'Get-PolytomicBulkDestination shows the required options and the modes' {
        $destination = $snowflake | Get-PolytomicBulkDestination
        $destination.RequiredOptions | Should -Contain 'schema'
        $destination.Modes.Id | Should -Contain 'replicate'
    }

    It 'Get-PolytomicBulkDestination refuses a connection that cannot be a destination' {
        { Get-PolytomicBulkDestination -ConnectionId $salesforce.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }
}

Describe 'Bulk syncs' {
    It 'New-PolytomicBulkSync creates the bulk sync of the walkthrough' {
        $script:sync = New-PolytomicBulkSync -Name "$tag sync" -Source $salesforce -Destination $snowflake -Mode replicate `
            -Frequency manual -DestinationConfiguration @{ schema = 'SALESFORCE_CONNECTION' } -Schema Account, Contact
        $sync.Name | Should -Be "$tag sync"
        $sync.SourceConnectionId | Should -Be $salesforce.Id
        $sync.DestinationConnectionId | Should -Be $snowflake.Id
        $sync.Mode | Should -Be 'replicate'
        $sync.Schedule.Frequency | Should -Be 'manual'
        $sync.DestinationConfiguration['schema'] | Should -Be 'SALESFORCE_CONNECTION'
    }

    It 'New-PolytomicBulkSync refuses a destination configuration without a required option' {
        { New-PolytomicBulkSync -Name "$tag bad" -Source $salesforce -Destination $snowflake -DestinationConfiguration @{} -ErrorAction Stop } |
            Should -Throw -ErrorId 'MissingDestinationOption*'
        Get-PolytomicBulkSync -Name "$tag bad" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'New-PolytomicBulkSync refuses a schema the source does not have' {
        { New-PolytomicBulkSync -Name "$tag bad" -Source $salesforce -Destination $snowflake -DestinationConfiguration @{ schema = 'RAW' } `
            -Schema Acount -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownBulkSchema*'
    }

    It 'New-PolytomicBulkSync -WhatIf creates nothing' {
        New-PolytomicBulkSync -Name "$tag whatif" -Source $salesforce -Destination $snowflake -DestinationConfiguration @{ schema = 'RAW' } -WhatIf
        Get-PolytomicBulkSync -Name "$tag whatif" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Get-PolytomicBulkSync finds it by name, wildcard and id' {
        (Get-PolytomicBulkSync -Name "$tag sync").Id | Should -Be $sync.Id
        (Get-PolytomicBulkSync -Name "$tag*").Id | Should -Contain $sync.Id
        ($sync | Get-PolytomicBulkSync).Name | Should -Be "$tag sync"
        (Get-PolytomicBulkSync).Id | Should -Contain $sync.Id
    }

    It 'Get-PolytomicBulkSync reports an unknown name as BulkSyncNotFound and an unknown id as NotFound' {
        { Get-PolytomicBulkSync -Name "$tag no such sync" -ErrorAction Stop } | Should -Throw -ErrorId 'BulkSyncNotFound*'
        { Get-PolytomicBulkSync -Id '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Set-PolytomicBulkSync changes what is passed and keeps the rest' {
        $updated = $sync | Set-PolytomicBulkSync -NewName "$tag renamed" -DestinationConfiguration @{ mirror_schemas = $true } `
            -Schedule @{ frequency = 'daily'; hour = '05'; minute = '30' } -PassThru
        $updated.Name | Should -Be "$tag renamed"
        $updated.Schedule.Frequency | Should -Be 'daily'
        $updated.Schedule.Hour | Should -Be '05'
        $updated.DestinationConfiguration['schema'] | Should -Be 'SALESFORCE_CONNECTION'
        $updated.DestinationConfiguration['mirror_schemas'] | Should -BeTrue
        $updated.Mode | Should -Be 'replicate'
    }

    It 'Set-PolytomicBulkSync refuses an unknown schedule key' {
        { $sync | Set-PolytomicBulkSync -Schedule @{ frequency = 'daily'; hours = '5' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSchedule*'
        (Get-PolytomicBulkSync -Id $sync.Id).Schedule.Hour | Should -Be '05'
    }

    It 'Enable-PolytomicBulkSync and Disable-PolytomicBulkSync switch it on and off' {
        ($sync | Enable-PolytomicBulkSync -PassThru).Active | Should -BeTrue
        Disable-PolytomicBulkSync -Id $sync.Id
        (Get-PolytomicBulkSync -Id $sync.Id).Active | Should -BeFalse
    }

    It 'Enable-PolytomicBulkSync and Disable-PolytomicBulkSync report an unknown id as NotFound' {
        { Enable-PolytomicBulkSync -Id '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        { Disable-PolytomicBulkSync -Id '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}

Describe 'Bulk-sync schemas' {
    It 'Get-PolytomicBulkSchema lists the enabled schemas with their fields' {
        $schemas = Get-PolytomicBulkSchema -SyncId $sync.Id -Enabled -IncludeFields
        $schemas.Id | Should -Be @('Account', 'Contact')
        ($schemas | Where-Object Id -EQ 'Contact').Fields.Id | Should -Contain 'Email'
        (Get-PolytomicBulkSchema -SyncId $sync.Id -Schema 'Con*').Id | Should -Contain 'Contact'
    }

    It 'Get-PolytomicBulkSchema reports an unknown schema as BulkSchemaNotFound' {
        { Get-PolytomicBulkSchema -SyncId $sync.Id -Schema NoSuchObject -ErrorAction Stop } | Should -Throw -ErrorId 'BulkSchemaNotFound*'
    }

    It 'Set-PolytomicBulkSchema changes fields and enables schemas' {
        $contact = Get-PolytomicBulkSchema -SyncId $sync.Id -Schema Contact |
            Set-PolytomicBulkSchema -DisableField Email -ObfuscateField LastName -OutputName contacts -PassThru
        ($contact.Fields | Where-Object Id -EQ 'Email').Enabled | Should -BeFalse
        ($contact.Fields | Where-Object Id -EQ 'LastName').Obfuscated | Should -BeTrue
        $contact.UserOutputName | Should -Be 'contacts'
        (Set-PolytomicBulkSchema -SyncId $sync.Id -Schema Lead -Enabled $true -PassThru).Enabled | Should -BeTrue
        Set-PolytomicBulkSchema -SyncId $sync.Id -Schema Lead -Enabled $false
        (Get-PolytomicBulkSchema -SyncId $sync.Id -Schema Lead).Enabled | Should -BeFalse
    }

    It 'Set-PolytomicBulkSchema refuses a field the schema does not have' {
        { Set-PolytomicBulkSchema -SyncId $sync.Id -Schema Contact -DisableField Emial -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownBulkField*'
    }
}

Describe 'Bulk-sync schedules' {
    It 'New-PolytomicBulkSchedule adds a schedule that Get-PolytomicBulkSchedule lists' {
        $script:schedule = $sync | New-PolytomicBulkSchedule -Frequency daily -Hour '05' -Minute '15' -SelectiveMode nonincrementalFields
        $schedule.Frequency | Should -Be 'daily'
        $schedule.SelectiveMode | Should -Be 'nonincrementalFields'
        $all = Get-PolytomicBulkSchedule -SyncId $sync.Id
        @($all | Where-Object IsDefault).Count | Should -Be 1
        ($all | Where-Object { -not $_.IsDefault }).Id | Should -Be $schedule.Id
        (Get-PolytomicBulkSchedule -SyncId $sync.Id -ScheduleId $schedule.Id).Minute | Should -Be '15'
    }

    It 'Set-PolytomicBulkSchedule changes only what is passed' {
        $updated = $schedule | Set-PolytomicBulkSchedule -Hour '06' -PassThru
        $updated.Hour | Should -Be '06'
        $updated.Minute | Should -Be '15'
        $updated.SelectiveMode | Should -Be 'nonincrementalFields'
    }

    It 'Get-PolytomicBulkSchedule reports an unknown schedule as NotFound' {
        { Get-PolytomicBulkSchedule -SyncId $sync.Id -ScheduleId '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Remove-PolytomicBulkSchedule deletes an additional schedule but not the default one' {
        $schedule | Remove-PolytomicBulkSchedule -Force
        $default = Get-PolytomicBulkSchedule -SyncId $sync.Id
        @($default).Count | Should -Be 1
        { $default | Remove-PolytomicBulkSchedule -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }
}

Describe 'Removing bulk syncs' {
    It 'Remove-PolytomicBulkSync -WhatIf keeps it and -Force deletes it' {
        $sync | Remove-PolytomicBulkSync -WhatIf
        (Get-PolytomicBulkSync -Id $sync.Id).Id | Should -Be $sync.Id
        $sync | Remove-PolytomicBulkSync -Force
        { Get-PolytomicBulkSync -Id $sync.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Remove-PolytomicBulkSync reports an unknown id as NotFound' {
        { Remove-PolytomicBulkSync -Id '00000000-0000-0000-0000-000000000000' -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}

Describe 'Lists that never end (a hostile server)' {
    BeforeAll {
        $script:faults = $baseUrl.TrimEnd('/') + '/_sandbox/faults'
        # Every GET /api/bulk/syncs answered with the body, '{n}' the answer's number: a fresh token every time.
        function Set-HostileList([string]$Body) {
            $fault = @{ status = 200; contentType = 'application/json'; method = 'GET'; pathPrefix = '/api/bulk/syncs'; count = 100000; body = $Body }
            Invoke-RestMethod -Method Post -Uri $faults -ContentType 'application/json' -Body ($fault | ConvertTo-Json)
        }
        function Get-ListRequests {
            $log = Invoke-RestMethod -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/requests')   # one array, not enumerated
            @($log.Where({ $_.method -eq 'GET' -and $_.path -eq '/api/bulk/syncs' })).Count
        }
    }
    AfterEach { if ($script:sandbox) { Invoke-RestMethod -Method Delete -Uri $faults } }

    It 'Select-Object -First 1 stops at once on a list that repeats its item under fresh tokens' {
        if (-not $script:sandbox) { Set-ItResult -Skipped -Because 'faults are injected into the local sandbox only' }
        Set-HostileList '{"data":[{"id":"8f0e4f5c-0d0b-4a53-9d0f-3d3c1f4a0b11","name":"Again"}],"pagination":{"next_page_token":"T{n}"}}'
        $before = Get-ListRequests
        $first = Get-PolytomicBulkSync | Select-Object -First 1
        $first.Name | Should -Be 'Again'
        (Get-ListRequests) - $before | Should -Be 1
    }

    It 'ends with PagingLoop when fresh tokens bring only empty pages, even under Select-Object -First 1' {
        if (-not $script:sandbox) { Set-ItResult -Skipped -Because 'faults are injected into the local sandbox only' }
        Set-HostileList '{"data":[],"pagination":{"next_page_token":"T{n}"}}'
        $before = Get-ListRequests
        { Get-PolytomicBulkSync -ErrorAction Stop | Select-Object -First 1 } | Should -Throw -ErrorId 'PagingLoop*'
        # The first page, then five more that brought nothing new (PageTokens.MaxPagesWithNothingNew).
        (Get-ListRequests) - $before | Should -Be 6
    }
}
