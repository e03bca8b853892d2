#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Safe everyday commands (issue 28), as a user sees them in real pwsh: -Force never deletes more than the object named
    and -Recurse -WhatIf lists what it would delete; a wrong object piped in is refused with WrongObjectType and -WhatIf
    names the right kind; bad schedules, configuration keys, policies and field names are refused before any request;
    the views show a sync's schedule time, a model's connection name and a job's result; Tab completes target fields.
    Set-up in TestSandbox.psm1. The session speaks the run's API version (Start-TestSandbox).
    Pester 5:  Invoke-Pester tests/pester/SafeCommands.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $root = $testSandbox.Root

    $script:tag = 'Pester safe ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:crm = New-SandboxConnectionPair $tag
    $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $script:sync = $model | New-PolytomicSync -Name "$tag sync" -Target $crm -Object Contact -Mode update `
        -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency daily -Schedule @{ hour = 5; minute = 30 }

    # What a command wrote to the host (-WhatIf lines go there, not to a stream).
    function Get-HostText([scriptblock]$Command) {
        $file = [System.IO.Path]::GetTempFileName()
        try {
            $null = Start-Transcript -Path $file -Force
            try { & $Command } finally { $null = Stop-Transcript }
            Get-Content -Raw $file
        } finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

AfterAll {
    $snowflake, $crm | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Removal: -Force skips the prompt, -Recurse deletes what uses the object' {
    It 'a runbook passing -Force to every Remove cmdlet deletes nothing that is in use' {
        $errors = @()
        $snowflake | Remove-PolytomicConnection -Force -ErrorAction SilentlyContinue -ErrorVariable +errors
        $model | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue -ErrorVariable +errors
        $errors.FullyQualifiedErrorId | Should -Be @('ConnectionInUse,PolytomicPS.Commands.RemovePolytomicConnectionCommand',
            'ModelInUse,PolytomicPS.Commands.RemovePolytomicModelCommand')
        $errors[1].Exception.Message | Should -BeLike "*sync '$tag sync'*"
        $errors[1].ErrorDetails.RecommendedAction | Should -BeLike '*-Recurse*'
        Get-PolytomicSync -Id $sync.Id | Should -Not -BeNullOrEmpty
        Get-PolytomicModel -Id $model.Id | Should -Not -BeNullOrEmpty
        Get-PolytomicConnection -Id $snowflake.Id | Should -Not -BeNullOrEmpty
    }

    It '-Recurse -WhatIf lists every object it would delete and deletes none' {
        $text = Get-HostText { $snowflake | Remove-PolytomicConnection -Recurse -WhatIf }
        $text | Should -BeLike "*sync '$tag sync'*"
        $text | Should -BeLike "*model '$tag users'*"
        $text | Should -BeLike "*then Connection '$tag snowflake'*"
        Get-PolytomicSync -Id $sync.Id | Should -Not -BeNullOrEmpty
    }

    It 'the README states the -Force/-Recurse rule' {
        $readme = Get-Content -Raw ([System.IO.Path]::Combine($root, 'README.md'))
        $readme.Contains('`-Force` only skips the prompt, on every Remove cmdlet') | Should -BeTrue
        $readme.Contains('`-Recurse -WhatIf` lists every object it would delete') | Should -BeTrue
    }
}

Describe 'Type-safe pipelines' {
    It 'a model piped to Start-PolytomicSync is WrongObjectType naming both kinds' {
        { $model | Start-PolytomicSync -ErrorAction Stop } | Should -Throw -ErrorId 'WrongObjectType*' -ExpectedMessage "*expects a sync*got the model '$tag users'*"
    }

    It 'a connection piped to Remove-PolytomicSync -WhatIf is refused, and a sync -WhatIf names the sync' {
        { $crm | Remove-PolytomicSync -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'WrongObjectType*'
        $text = Get-HostText { $sync | Remove-PolytomicSync -WhatIf }
        $text | Should -BeLike "*Sync '$tag sync'*"
        # A plain id the session knows as a connection is the same mistake.
        { $crm.Id | Remove-PolytomicSync -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'WrongObjectType*' -ExpectedMessage "*got the id of the connection '$tag salesforce'*"
    }

    It 'ids, own objects and objects with the …Id property bind' {
        ($sync.Id | Get-PolytomicSync).Id | Should -Be $sync.Id
        ([pscustomobject]@{ SyncId = $sync.Id } | Get-PolytomicSync).Id | Should -Be $sync.Id
        ($model | Get-PolytomicConnection).Id | Should -Be $snowflake.Id
    }
}

Describe 'Bad input is refused before any request' {
    It '-Frequency daily without a time is ScheduleTimeRequired' {
        { $model | New-PolytomicSync -Name "$tag nodaily" -Target $crm -Object Contact -Mode update -Identity @{ email = 'Email' } `
            -Field @{ first_name = 'FirstName' } -Frequency daily -ErrorAction Stop } | Should -Throw -ErrorId 'ScheduleTimeRequired*'
        Get-PolytomicSync -Name "$tag nodaily" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'hour 25 is InvalidScheduleTime' {
        { $sync | Set-PolytomicSync -Schedule @{ hour = 25 } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidScheduleTime*'
    }

    It 'a misspelt configuration key is UnknownConfigurationKey with the nearest name' {
        { New-PolytomicConnection -Name "$tag typo" -Type snowflake -Configuration @{ account = 'a'; username = 'u'; pasword = 'p'; dbname = 'd' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownConfigurationKey*' -ExpectedMessage "*Did you mean 'password'?*"
    }

    It 'a policy action without a role is PolicyActionWithoutRole' {
        { New-PolytomicPolicy -Name "$tag policy" -PolicyAction @{ read = $null } -ErrorAction Stop } | Should -Throw -ErrorId 'PolicyActionWithoutRole*'
    }

    It 'an unknown target field is UnknownTargetField with the nearest name' {
        { $model | New-PolytomicSync -Name "$tag badfield" -Target $crm -Object Contact -Mode update -Identity @{ email = 'Email' } `
            -Field @{ first_name = 'Firstname_' } -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownTargetField*' -ExpectedMessage "*Did you mean 'FirstName'?*"
    }
}

Describe 'Views' {
    It 'the sync table shows the schedule with its time and zone' {
        Get-PolytomicSync -Id $sync.Id | Out-String -Width 200 | Should -BeLike '*daily 05:30 UTC*'
        Get-PolytomicSync -Id $sync.Id | Format-List | Out-String -Width 200 | Should -BeLike '*Schedule*: daily 05:30 UTC*'
    }

    It 'the model table shows the connection name' {
        $table = Get-PolytomicModel -Id $model.Id | Out-String -Width 200
        $table | Should -BeLike '*Connection*'
        $table | Should -BeLike "*$tag snowflake*"
    }

    It 'a done job shows its result as values, not a type name' {
        $done = $snowflake | New-PolytomicModel -Name "$tag async" -Table PUBLIC.users -Async | Wait-PolytomicJob -TimeoutSeconds 60
        $text = ($done | Out-String -Width 200) + ($done | Format-List | Out-String -Width 200)
        $text | Should -BeLike "*name: $tag async*"
        $text | Should -Not -BeLike '*Dictionary*'
        $done.Result['name'] | Should -Be "$tag async"
        Remove-PolytomicModel -Id $done.Result['id'] -Force
    }
}

Describe 'Completion of target fields' {
    It '-Field first_name=<Tab> offers the target fields once -Target and -Object are given' {
        $line = "New-PolytomicSync -Name x -Model $($model.Id) -Target $($crm.Id) -Object Contact -Mode update -Field first_name="
        $texts = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $texts | Should -Contain "@{ first_name = 'FirstName' }"
        $texts | Should -Not -Contain './'
        $line = "New-PolytomicSync -Name x -Model $($model.Id) -Field first_name="
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
    }
}
