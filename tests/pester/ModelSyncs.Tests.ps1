#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Models and model syncs (Reverse ETL): every model, source, target and sync cmdlet against the sandbox (or
    POLYTOMIC_API_KEY/POLYTOMIC_BASE_URL), happy path and one bad input each, with the ErrorId scripts can rely on.
    Set-up in Sandbox.ps1. The session speaks API version 2024-02-08 unless a test says otherwise.
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1'))

    $script:tag = 'Pester model ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake = New-PolytomicConnection -Name "$tag snowflake" -Type snowflake `
        -Configuration @{ account = 'pester'; username = 'u'; password = 'p'; dbname = 'd' }
    $script:crm = New-PolytomicConnection -Name "$tag salesforce" -Type salesforce `
        -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
    $null = $snowflake, $crm | Wait-PolytomicConnection -TimeoutSeconds 120 -PollIntervalSeconds 0.2
    $script:missing = '00000000-0000-0000-0000-000000000000'
}

AfterAll {
    Get-PolytomicSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicModel -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake, $crm | Remove-PolytomicConnection -Force -ErrorAction SilentlyContinue
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1')) -Stop
}

Describe 'Model sources' {
    It 'Get-PolytomicSource lists the first level and walks to the leaves' {
        $top = Get-PolytomicSource $snowflake
        ($top | Where-Object Key -EQ 'schema').Value | Should -Contain 'PUBLIC'
        $leaves = $snowflake | Get-PolytomicSource -Recurse
        $leaves.IsLeaf | Should -Not -Contain $false
        $leaves.Value | Should -Contain 'PUBLIC.users'
        (Get-PolytomicSource -ConnectionId $snowflake.Id -Parameter @{ schema = 'CUSTOMERS' }).Value | Should -Contain 'CUSTOMERS.CONTACTS'
    }

    It 'Get-PolytomicSource reports a choice that does not exist as BadRequest' {
        { Get-PolytomicSource $snowflake -Parameter @{ schema = 'NOPE' } -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }

    It 'Get-PolytomicSourceField lists the fields of a source' {
        $fields = Get-PolytomicSource $snowflake -Recurse | Where-Object Value -EQ 'PUBLIC.users' | Get-PolytomicSourceField
        $fields.Name | Should -Contain 'email'
        $fields.Name | Should -Contain 'first_name'
    }

    It 'Get-PolytomicSourceField refuses an empty source' {
        { Get-PolytomicSourceField -ConnectionId $snowflake.Id -Parameter @{} -ErrorAction Stop } | Should -Throw -ErrorId 'EmptySourceParameter*'
    }
}

Describe 'Models' {
    It 'New-PolytomicModel creates a model over a table' {
        $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
        $model.Name | Should -Be "$tag users"
        $model.ConnectionId | Should -Be $snowflake.Id
        $model.Configuration['table'] | Should -Be 'PUBLIC.users'
        $model.FieldNames | Should -Contain 'email'
    }

    It 'New-PolytomicModel takes a Get-PolytomicSource choice and a query' {
        $contacts = Get-PolytomicSource $snowflake -Parameter @{ schema = 'CUSTOMERS' } | Where-Object Value -EQ 'CUSTOMERS.CONTACTS' |
            New-PolytomicModel -Name "$tag contacts"
        $contacts.Configuration['table'] | Should -Be 'CUSTOMERS.CONTACTS'
        $query = New-PolytomicModel -Name "$tag query" -ConnectionId $snowflake.Id -Query 'SELECT email, first_name FROM users'
        $query.FieldNames | Should -Contain 'first_name'
    }

    It 'New-PolytomicModel refuses an empty configuration and reports an unknown table' {
        { New-PolytomicModel -Name "$tag bad" -ConnectionId $snowflake.Id -Configuration @{} -ErrorAction Stop } |
            Should -Throw -ErrorId 'EmptyModelConfiguration*'
        { $snowflake | New-PolytomicModel -Name "$tag bad" -Table PUBLIC.nope -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }

    It 'New-PolytomicModel -WhatIf creates nothing' {
        $snowflake | New-PolytomicModel -Name "$tag whatif" -Table PUBLIC.users -WhatIf
        Get-PolytomicModel -Name "$tag whatif" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Get-PolytomicModel finds it by name, wildcard, connection and id' {
        (Get-PolytomicModel -Name "$tag users").Id | Should -Be $model.Id
        (Get-PolytomicModel -Name "$tag*" -ConnectionId $snowflake).Id | Should -Contain $model.Id
        ($model | Get-PolytomicModel).Name | Should -Be "$tag users"
        (Get-PolytomicModel).Id | Should -Contain $model.Id
    }

    It 'Get-PolytomicModel reports an unknown name as ModelNotFound and an unknown id as NotFound' {
        { Get-PolytomicModel -Name "$tag no such model" -ErrorAction Stop } | Should -Throw -ErrorId 'ModelNotFound*'
        { Get-PolytomicModel -Id $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Get-PolytomicModelSample outputs records with the fields as properties' {
        $rows = $model | Get-PolytomicModelSample
        @($rows).Count | Should -BeGreaterThan 0
        $rows[0].email | Should -Not -BeNullOrEmpty
    }

    It 'Get-PolytomicModelSample reports an unknown model as NotFound' {
        { Get-PolytomicModelSample -Id $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Set-PolytomicModel changes what is passed and keeps the source' {
        $updated = $model | Set-PolytomicModel -NewName "$tag users v2" -Label vip -PassThru
        $updated.Name | Should -Be "$tag users v2"
        $updated.Configuration['table'] | Should -Be 'PUBLIC.users'
        $updated.FieldNames | Should -Contain 'email'
    }

    It 'Set-PolytomicModel reports an unknown model as NotFound' {
        { Set-PolytomicModel -Id $missing -NewName x -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
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

    It 'Remove-PolytomicModel deletes the model' {
        $model | Remove-PolytomicModel -Force
        { Get-PolytomicModel -Id $model.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Remove-PolytomicModel reports an unknown id as NotFound' {
        { Remove-PolytomicModel -Id $missing -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}
