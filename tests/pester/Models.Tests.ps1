#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Models (Reverse ETL sources): every model and model-source cmdlet against the sandbox (or
    POLYTOMIC_API_KEY/POLYTOMIC_BASE_URL), happy path and one bad input each, with the ErrorId scripts can rely on.
    Set-up in TestSandbox.psm1. The session speaks the run's API version (Start-TestSandbox) unless a test says otherwise.
    Pester 5:  Invoke-Pester tests/pester/Models.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox

    $script:tag = 'Pester model ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake = New-PolytomicConnection -Name "$tag snowflake" -Type snowflake `
        -Configuration @{ account = 'pester'; username = 'u'; password = 'p'; dbname = 'd' }
    $null = $snowflake | Wait-PolytomicConnection -TimeoutSeconds 120 -PollIntervalSeconds 0.2
    $script:missing = '00000000-0000-0000-0000-000000000000'
}

AfterAll {
    Get-PolytomicModel -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
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

    It 'Remove-PolytomicModel deletes the model' {
        $model | Remove-PolytomicModel -Force
        { Get-PolytomicModel -Id $model.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Remove-PolytomicModel reports an unknown id as NotFound' {
        { Remove-PolytomicModel -Id $missing -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}
