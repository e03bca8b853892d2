#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Issue 26's settings as a user sees them: a joined model, a sync with overrides, a passphrase and a dependency, a
    bulk sync with its options and a filtered schema; bad values stop with an ErrorId naming the parameter.
    Set-up in TestSandbox.psm1. The xunit suite parses this file and checks that every command and parameter it uses exists.
    Pester 5:  Invoke-Pester tests/pester/Settings.Tests.ps1
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox

    $script:tag = 'Pester settings ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag
    $script:accounts = $snowflake | New-PolytomicModel -Name "$tag accounts" -Table PUBLIC.accounts
}

AfterAll {
    Get-PolytomicSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicBulkSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    $salesforce, $snowflake | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Models: joins and added fields' {
    It 'New-PolytomicModel joins to another model by its name and adds a field' {
        $script:users = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users `
            -Relation @{ From = 'email'; To = "$tag accounts.domain" } -AdditionalField @{ Name = 'score'; Type = 'number' }
        $read = Get-PolytomicModel -Id $users.Id
        $read.Relations.Count | Should -Be 1
        $read.Relations[0].to.model_id | Should -Be $accounts.Id
        $read.Fields.Name | Should -Contain 'score'
    }

    It 'a join to a model that does not exist stops with UnknownRelationModel, naming -Relation' {
        { Set-PolytomicModel -Id $users.Id -Relation @{ From = 'email'; To = 'No such model.id' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownRelationModel*' -ExpectedMessage '*-Relation*'
    }
}

Describe 'Syncs: overrides, passphrase and dependencies' {
    It 'New-PolytomicSync takes overrides by field name and a dependency by sync name' {
        $script:first = $users | New-PolytomicSync -Name "$tag first" -Target $salesforce -Object Contact -Mode create `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' }
        $script:second = $users | New-PolytomicSync -Name "$tag second" -Target $salesforce -Object Contact -Mode create `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Override @{ Field = 'plan'; Function = 'IsNull'; Override = 'free' } `
            -EncryptionPassphrase 'pester-pass-9' -RunAfter "$tag first" -RunAfterSuccessOnly
        $second.Schedule.Frequency | Should -Be 'runafter'
        $second.Schedule.RunAfter.sync_ids | Should -Be @($first.Id)
        $second.Overrides[0].function | Should -Be 'IsNull'
    }

    It 'the passphrase is never printed' {
        ($second | Format-List * | Out-String) | Should -Not -Match 'pester-pass-9'
        (Get-PolytomicSync -Id $second.Id | Format-List * | Out-String) | Should -Not -Match 'pester-pass-9'
    }

    It 'a sync that would wait for itself through another stops with RunAfterCycle' {
        { Set-PolytomicSync -Id $first.Id -RunAfter $second -ErrorAction Stop } | Should -Throw -ErrorId 'RunAfterCycle*'
    }

    It 'an unknown override function stops with UnknownFilterFunction' {
        { Set-PolytomicSync -Id $first.Id -Override @{ Field = 'plan'; Function = 'Sometimes'; Override = 'x' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownFilterFunction*'
    }
}

Describe 'Bulk syncs: options and schema filters' {
    It 'New-PolytomicBulkSync sets auto-add and concurrency; Set-PolytomicBulkSchema filters a schema' {
        $bulk = New-PolytomicBulkSync -Name "$tag bulk" -Source $salesforce -Destination $snowflake -DestinationConfiguration @{ schema = 'RAW' } `
            -Schema Contact -AutomaticallyAddNewFields all -AutomaticallyAddNewObjects onlyIncremental -ConcurrencyLimit 4
        $bulk.AutomaticallyAddNewObjects | Should -Be 'onlyIncremental'
        $bulk.ConcurrencyLimit | Should -Be 4
        $schema = Set-PolytomicBulkSchema -SyncId $bulk.Id -Schema Contact -Filter @{ Field = 'Email'; Function = 'IsNotNull' } -PassThru
        $schema.Filters[0].function | Should -Be 'IsNotNull'
    }

    It 'Tab completes filter functions after a field name' {
        $bulk = Get-PolytomicBulkSync -Name "$tag bulk"
        $line = "Set-PolytomicBulkSchema -SyncId $($bulk.Id) -Schema Contact -Filter Email=IsNot"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be "@{ Field = 'Email'; Function = 'IsNotNull' }"
    }

    It 'a concurrency limit below 1 is refused before any request' {
        { Set-PolytomicBulkSync -Id ([guid]::NewGuid()) -ConcurrencyLimit 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
