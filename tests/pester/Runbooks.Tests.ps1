#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The Azure Automation runbooks of examples/runbooks, each run as a job would run it: in a separate
    `dotnet pwsh -NonInteractive` with stand-ins for Get-AutomationVariable and Get-AutomationPSCredential
    (RunbookHost.ps1), against the sandbox. Checks what Microsoft's runbook guidance asks: output only on the Output and
    Verbose streams, no progress records, a thrown error (a failed job) when a sync fails, and a second run from the top
    that repeats nothing. Set-up in TestSandbox.psm1.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $script:sandbox = $testSandbox.Process
    $root = $testSandbox.Root
    $modulePath = $testSandbox.ModulePath
    $apiKey = $testSandbox.ApiKey
    $baseUrl = $testSandbox.BaseUrl
    $session = $testSandbox.Session

    $script:tag = 'Runbook ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag
    $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    foreach ($name in "$tag ok", "$tag [fail]") {
        $null = $model | New-PolytomicSync -Name $name -Target $salesforce -Object Contact -Mode updateOrCreate `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' }
    }
    $null = New-PolytomicBulkSync -Name "$tag bulk" -Source $salesforce -Destination $snowflake -Mode replicate `
        -DestinationConfiguration @{ schema = 'RAW' } -Schema Account

    $script:runbooks = [System.IO.Path]::Combine($root, 'examples', 'runbooks')
    $script:hostScript = [System.IO.Path]::Combine($PSScriptRoot, 'RunbookHost.ps1')
    $script:assets = @{
        variables   = @{ PolytomicApiKey = $apiKey }
        credentials = @{ PolytomicKey = @{ user = 'polytomic'; password = $apiKey } }
    }

    # Runs a runbook in its own non-interactive pwsh; returns its report (Output, Failed, stream counts) and exit code.
    function Invoke-Runbook([string]$Runbook, [hashtable]$Parameters) {
        $Parameters = $Parameters.Clone()
        $Parameters.BaseUrl = $baseUrl
        $Parameters.ApiVersion = $session.ApiVersion
        $saved = $env:RUNBOOK_REQUEST, $env:RUNBOOK_ASSETS, $env:PSModulePath
        $env:RUNBOOK_REQUEST = @{ runbook = [System.IO.Path]::Combine($runbooks, $Runbook); parameters = $Parameters } | ConvertTo-Json -Depth 6 -Compress
        $env:RUNBOOK_ASSETS = $assets | ConvertTo-Json -Depth 6 -Compress
        # The staged module, found by name as an Automation account finds imported modules (#Requires -Modules PolytomicPS).
        $env:PSModulePath = [System.IO.Path]::GetDirectoryName([System.IO.Path]::GetDirectoryName($modulePath)) + [System.IO.Path]::PathSeparator + $env:PSModulePath
        $pwsh = Get-PwshCommand
        try {
            $stdout = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $hostScript 2>&1
            $code = $LASTEXITCODE
        } finally {
            $env:RUNBOOK_REQUEST, $env:RUNBOOK_ASSETS, $env:PSModulePath = $saved
        }
        $json = @($stdout | Where-Object { $_ -is [string] -and $_.StartsWith('{') }) | Select-Object -Last 1
        if (-not $json) { throw "The runbook host wrote no report (exit $code): $($stdout -join "`n")" }
        $report = $json | ConvertFrom-Json
        $report.PSObject.Properties.Add([psnoteproperty]::new('ExitCode', $code))
        $report
    }
}

AfterAll {
    Get-PolytomicSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicBulkSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicModel -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake, $salesforce | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Invoke-PolytomicSyncRun runbook' {
    It 'runs a sync and reports the outcome on the Output stream only (key from an encrypted variable)' {
        $r = Invoke-Runbook 'Invoke-PolytomicSyncRun.ps1' @{ SyncName = "$tag ok"; Verbose = $true }
        $r.Failed | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        @($r.Output).Count | Should -Be 1
        $r.Output[0].Status | Should -Be 'completed'
        $r.Output[0].Sync | Should -Be "$tag ok"
        $r.Output[0].Records | Should -BeGreaterThan 0
        $r.Verbose | Should -BeGreaterThan 0
        $r.Progress | Should -Be 0
        $r.Errors + $r.Warnings + $r.Information | Should -Be 0
    }

    It 'runs a bulk sync with the key from a credential asset' {
        $r = Invoke-Runbook 'Invoke-PolytomicSyncRun.ps1' @{ SyncName = "$tag bulk"; BulkSync = $true; KeyCredential = 'PolytomicKey' }
        $r.ExitCode | Should -Be 0
        $r.Output[0].Status | Should -Be 'completed'
        $r.Output[0].Records | Should -BeGreaterThan 0
        $r.Progress | Should -Be 0
    }

    It 'fails the job when the sync fails, after reporting the failed run' {
        $r = Invoke-Runbook 'Invoke-PolytomicSyncRun.ps1' @{ SyncName = "$tag [fail]" }
        $r.ExitCode | Should -Be 1
        $r.Failed | Should -BeLike '*failed*'
        $r.Output[0].Status | Should -Be 'failed'
        $r.Progress | Should -Be 0
    }

    It 'ends at -TimeoutSeconds even while the run''s GET hangs for two minutes (issue 23, finding 4)' {
        if (-not $script:sandbox) { Set-ItResult -Skipped -Because 'faults are injected into the local sandbox only' }
        $sync = Get-PolytomicSync -Name "$tag ok"
        $faults = $baseUrl.TrimEnd('/') + '/_sandbox/faults'
        $hold = @{ kind = 'Delay'; delay = '00:02:00'; method = 'GET'; pathPrefix = "/api/syncs/$($sync.Id)"; count = 20 }
        Invoke-RestMethod -Method Post -Uri $faults -ContentType 'application/json' -Body ($hold | ConvertTo-Json)
        try {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $r = Invoke-Runbook 'Invoke-PolytomicSyncRun.ps1' @{ SyncName = "$tag ok"; TimeoutSeconds = 5 }
            $clock.Stop()
        } finally {
            Invoke-RestMethod -Method Delete -Uri $faults
        }
        $r.ExitCode | Should -Be 1
        $r.Failed | Should -BeLike "*after 5 s; the request in flight (GET /api/syncs/$($sync.Id)/executions/*) was canceled*"
        # The held GET alone takes 120 s, and before this fix the wait took 246 s; the child pwsh starts in a few.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
    }

    It 'ends at -TimeoutSeconds for a bulk sync too while its GETs hang' {
        if (-not $script:sandbox) { Set-ItResult -Skipped -Because 'faults are injected into the local sandbox only' }
        $bulk = Get-PolytomicBulkSync -Name "$tag bulk"
        $faults = $baseUrl.TrimEnd('/') + '/_sandbox/faults'
        $hold = @{ kind = 'Delay'; delay = '00:02:00'; method = 'GET'; pathPrefix = "/api/bulk/syncs/$($bulk.Id)"; count = 20 }
        Invoke-RestMethod -Method Post -Uri $faults -ContentType 'application/json' -Body ($hold | ConvertTo-Json)
        try {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $r = Invoke-Runbook 'Invoke-PolytomicSyncRun.ps1' @{ SyncName = "$tag bulk"; BulkSync = $true; TimeoutSeconds = 5 }
            $clock.Stop()
        } finally {
            Invoke-RestMethod -Method Delete -Uri $faults
        }
        $r.ExitCode | Should -Be 1
        $r.Failed | Should -BeLike "*after 5 s; the request in flight (GET /api/bulk/syncs/$($bulk.Id)/executions/*) was canceled*"
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
    }

    It 'fails the job when the sync does not exist' {
        $r = Invoke-Runbook 'Invoke-PolytomicSyncRun.ps1' @{ SyncName = "$tag missing" }
        $r.ExitCode | Should -Be 1
        $r.Failed | Should -BeLike "*$tag missing*"
        @($r.Output).Count | Should -Be 0
    }
}

Describe 'Sync-PolytomicConfiguration runbook' {
    BeforeAll {
        $script:desired = @{
            models = @(@{ name = "$tag promoted users"; connection = "$tag snowflake"; table = 'PUBLIC.users' })
            syncs  = @(@{
                    name = "$tag promoted"; model = "$tag promoted users"; target = "$tag salesforce"; object = 'Contact'
                    mode = 'updateOrCreate'; identity = @{ email = 'Email' }; fields = @{ first_name = 'FirstName' }; frequency = 'manual'
                })
        }
        $assets.variables.PolytomicDesiredState = $desired | ConvertTo-Json -Depth 6
    }

    It 'creates what is missing, by name' {
        $r = Invoke-Runbook 'Sync-PolytomicConfiguration.ps1' @{}
        $r.Failed | Should -BeNullOrEmpty
        ($r.Output | ForEach-Object { "$($_.Kind) $($_.Action)" }) | Should -Be 'Model Created', 'Sync Created'
        $sync = Get-PolytomicSync -Name "$tag promoted"
        $sync.TargetObject | Should -Be 'Contact'
        $r.Progress + $r.Errors + $r.Warnings + $r.Information | Should -Be 0
    }

    It 'is safe to run again from the top: nothing is created twice' {
        $r = Invoke-Runbook 'Sync-PolytomicConfiguration.ps1' @{ KeyCredential = 'PolytomicKey' }
        $r.ExitCode | Should -Be 0
        $r.Output.Action | Should -Be 'Unchanged', 'Unchanged'
        @(Get-PolytomicSync -Name "$tag promoted").Count | Should -Be 1
        @(Get-PolytomicModel -Name "$tag promoted users").Count | Should -Be 1
    }

    It '-CheckOnly reports drift, changes nothing and fails the job' {
        $changed = $desired.Clone()
        $changed.syncs = @($desired.syncs[0].Clone())
        $changed.syncs[0].fields = @{ first_name = 'FirstName'; last_name = 'LastName' }
        $r = Invoke-Runbook 'Sync-PolytomicConfiguration.ps1' @{ DesiredState = ($changed | ConvertTo-Json -Depth 6); CheckOnly = $true }
        $r.ExitCode | Should -Be 1
        $r.Failed | Should -BeLike '*differ*'
        ($r.Output | Where-Object Kind -EQ 'Sync').Action | Should -Be 'Drifted'
        ($r.Output | Where-Object Kind -EQ 'Sync').Differences | Should -Be 'fields'
        (Get-PolytomicSync -Name "$tag promoted" | Get-PolytomicSync).Fields.Target | Should -Not -Contain 'LastName'

        $r = Invoke-Runbook 'Sync-PolytomicConfiguration.ps1' @{ DesiredState = ($changed | ConvertTo-Json -Depth 6) }
        $r.ExitCode | Should -Be 0
        ($r.Output | Where-Object Kind -EQ 'Sync').Action | Should -Be 'Updated'
        (Get-PolytomicSync -Name "$tag promoted" | Get-PolytomicSync).Fields.Target | Should -Contain 'LastName'
    }
}

Describe 'Parallel runs' {
    It 'ForEach-Object -Parallel needs -Session $using:session; without it each runspace has NoSession' {
        $names = "$tag ok", "$tag promoted"
        # Each parallel runspace imports the module anew (as an installed module is loaded by name).
        $manifest = [System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')
        $found = $names | ForEach-Object -Parallel {
            Import-Module $using:manifest
            (Get-PolytomicSync -Name $_ -Session $using:session).Name
        } -ThrottleLimit 2
        $found | Sort-Object | Should -Be ($names | Sort-Object)
        $errors = $names | ForEach-Object -Parallel {
            Import-Module $using:manifest
            try { $null = Get-PolytomicSync -Name $_ -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
        } -ThrottleLimit 2
        $errors | Should -Be 'NoSession,PolytomicPS.Commands.GetPolytomicSyncCommand', 'NoSession,PolytomicPS.Commands.GetPolytomicSyncCommand'
    }
}

Describe 'Watch-PolytomicHealth runbook' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'AlertReceiver.ps1'))
        $script:receiver = Start-AlertReceiver
        # Run histories over days (POST /_sandbox/history: C completed, F failed; one run every six hours, newest now).
        function Add-History([string]$Id, [string]$Outcomes, [double]$AgoMinutes = 0) {
            $null = Invoke-RestMethod -Method Post -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/history') -ContentType 'application/json' `
                -Body (@{ sync_id = $Id; outcomes = $Outcomes; spacing_minutes = 360; ago_minutes = $AgoMinutes } | ConvertTo-Json)
        }
        $daily = @{ Frequency = 'daily'; Schedule = @{ hour = 5; minute = 30 }; Active = $true }
        $script:watchOk = $model | New-PolytomicSync -Name "$tag health ok" -Target $salesforce -Object Contact -Mode updateOrCreate `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } @daily
        $script:watchFailed = $model | New-PolytomicSync -Name "$tag health broken" -Target $salesforce -Object Contact -Mode updateOrCreate `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } @daily
        $script:watchStale = $model | New-PolytomicSync -Name "$tag health stalled" -Target $salesforce -Object Contact -Mode updateOrCreate `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } @daily
        Add-History $watchOk.Id 'CFC'
        Add-History $watchFailed.Id 'CFF'
        Add-History $watchStale.Id 'CC' -AgoMinutes (60 * 72)
    }
    AfterAll { Stop-AlertReceiver $receiver }

    It 'writes the summary to Output and posts one Teams message about the failed and the stale sync' {
        $r = Invoke-Runbook 'Watch-PolytomicHealth.ps1' @{ Name = "$tag health*"; WebhookUrl = $receiver.Url }
        $r.ExitCode | Should -Be 0
        $r.Failed | Should -BeNullOrEmpty
        @($r.Output).Count | Should -Be 1
        $r.Output[0].Checked | Should -Be 3
        $r.Output[0].Failed | Should -Be 1
        $r.Output[0].Stale | Should -Be 1
        $r.Output[0].Notified | Should -BeTrue
        ($r.Output[0].Problems -join "`n") | Should -Match "Failed: $([regex]::Escape("$tag health broken")) .*2 failure"
        $r.Errors + $r.Warnings + $r.Information + $r.Progress | Should -Be 0
        $receiver.Bodies.Count | Should -Be 1
        $body = $null
        $null = $receiver.Bodies.TryDequeue([ref]$body)
        $card = $body | ConvertFrom-Json
        $card.'@type' | Should -Be 'MessageCard'
        $card.title | Should -Be 'Polytomic: 1 failed, 1 stale of 3 syncs'
        $card.sections[0].facts.name | Should -Be @("Failed: $tag health broken", "Stale: $tag health stalled")
    }

    It 'with -FailOnProblem fails the job after reporting, and posts a Slack message' {
        $r = Invoke-Runbook 'Watch-PolytomicHealth.ps1' @{ Name = "$tag health*"; WebhookUrl = $receiver.Url; WebhookFormat = 'Slack'; FailOnProblem = $true }
        $r.ExitCode | Should -Be 1
        $r.Failed | Should -Match '2 sync\(s\) failed or went stale'
        $r.Output[0].Failed | Should -Be 1
        $receiver.Bodies.Count | Should -Be 1
        $body = $null
        $null = $receiver.Bodies.TryDequeue([ref]$body)
        ($body | ConvertFrom-Json).text | Should -Match "(?s)^Polytomic: 1 failed, 1 stale of 3 syncs.*$([regex]::Escape("$tag health stalled"))"
    }

    It 'posts nothing and succeeds when all is well, even with -FailOnProblem' {
        $r = Invoke-Runbook 'Watch-PolytomicHealth.ps1' @{ Name = "$tag health ok"; WebhookUrl = $receiver.Url; FailOnProblem = $true; NotSucceededHours = 1 }
        $r.ExitCode | Should -Be 0
        $r.Output[0].Checked | Should -Be 1
        $r.Output[0].Notified | Should -BeFalse
        $receiver.Bodies.Count | Should -Be 0
    }
}
