#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Tab completion in a real pwsh, through TabExpansion2 as the console calls it: names of bulk syncs, connections for
    -Target/-Connection/-Source/-Destination, target objects once -Target is given, model fields, and one list call
    per kind however often Tab is pressed. Set-up in TestSandbox.psm1.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $script:sandbox = $testSandbox.Process
    $baseUrl = $testSandbox.BaseUrl

    $script:tag = 'Tab' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag
    $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $script:bulk = New-PolytomicBulkSync -Name "$tag bulk" -Source $salesforce -Destination $snowflake -Mode replicate `
        -DestinationConfiguration @{ schema = 'RAW' } -Schema Account

    # What Tab offers at the end of $line: the completion texts, and the whole result for the list texts.
    function Complete([string]$line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
    }
}

AfterAll {
    if ($script:upstream) { $upstream | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue }
    $bulk | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicModel -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake, $salesforce | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Tab completion' {
    It 'completes bulk-sync names for Get-PolytomicBulkSync -Name' {
        $m = Complete "Get-PolytomicBulkSync -Name $tag"
        $m.CompletionText | Should -Be "'$tag bulk'"
    }

    It 'completes bulk-sync ids, listed by name, for -Id' {
        $m = Complete "Start-PolytomicBulkSync -Id $tag"
        $m.CompletionText | Should -Be $bulk.Id
        $m.ListItemText | Should -Be "$tag bulk"
    }

    It 'completes connections for -<Parameter> of <Command>' -ForEach @(
        @{ Command = 'New-PolytomicSync -Name x -Target'; Parameter = 'Target'; Want = 'salesforce' }
        @{ Command = 'New-PolytomicModel -Name x -Connection'; Parameter = 'Connection'; Want = 'snowflake' }
        @{ Command = 'New-PolytomicBulkSync -Name x -Source'; Parameter = 'Source'; Want = 'salesforce' }
        @{ Command = 'New-PolytomicBulkSync -Name x -Destination'; Parameter = 'Destination'; Want = 'snowflake' }
        @{ Command = 'Get-PolytomicConnection -Name'; Parameter = 'Name'; Want = 'snowflake' }
    ) {
        $m = Complete "$Command '$tag $Want"
        $expected = if ($Parameter -eq 'Name') { "'$tag $Want'" } else { @{ salesforce = $salesforce; snowflake = $snowflake }[$Want].Id }
        $m.CompletionText | Should -Be $expected
        $m.ListItemText | Should -Be "$tag $Want"
    }

    It 'completes sync and bulk-sync names for -RunAfter of <Command>' -ForEach @(
        @{ Command = 'New-PolytomicSync -Name x -RunAfter' }
        @{ Command = 'Set-PolytomicSync -Id x -RunAfter' }
    ) {
        if (-not $script:upstream) {
            $script:upstream = $model | New-PolytomicSync -Name "$tag upstream" -Target $salesforce -Object Contact -Mode create `
                -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' }
        }
        $m = Complete "$Command '$tag"
        $m.CompletionText | Should -Contain "'$tag upstream'"
        $m.CompletionText | Should -Contain "'$tag bulk'"
    }

    It 'completes model ids for New-PolytomicSync -Model' {
        (Complete "New-PolytomicSync -Name x -Model $tag").CompletionText | Should -Be $model.Id
    }

    It 'completes target objects for -Object once -Target is given (by id or by name)' {
        $byId = Complete "New-PolytomicSync -Name x -Target $($salesforce.Id) -Object Con"
        $byId.CompletionText | Should -Contain 'Contact'
        $byName = Complete "New-PolytomicSync -Name x -Target '$tag salesforce' -Object "
        $byName.CompletionText | Should -Contain 'Contact'
        $byName.CompletionText | Should -Contain 'Account'
        Complete "New-PolytomicSync -Name x -Object Con" | Should -BeNullOrEmpty
    }

    It 'completes model fields for -Identity and -Field once -Model is given, as a one-pair hashtable' {
        $m = Complete "New-PolytomicSync -Name x -Model $($model.Id) -Identity em"
        $m.CompletionText | Should -Be "@{ email = '' }"
        $m.ListItemText | Should -Be 'email'
        (Complete "New-PolytomicSync -Name x -Model '$tag users' -Field first").CompletionText | Should -Be "@{ first_name = '' }"
        Complete "New-PolytomicSync -Name x -Field first" | Should -BeNullOrEmpty
    }

    It 'reads each list once, however often Tab is pressed' {
        if (-not $script:sandbox) { Set-ItResult -Skipped -Because 'the request log is the sandbox''s'; return }
        $count = { @((Invoke-RestMethod -Uri ($baseUrl + '_sandbox/requests')) | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/api/models' }).Count }
        $null = New-PolytomicModel -Name "$tag second" -ConnectionId $snowflake -Table PUBLIC.users   # empties the models list
        $before = & $count
        1..5 | ForEach-Object { (Complete "Remove-PolytomicModel -Id '$tag").CompletionText | Should -Contain $model.Id }
        (& $count) - $before | Should -Be 1
    }
}
