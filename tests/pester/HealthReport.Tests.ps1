#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Export-PolytomicHealthReport, rendered in a real headless browser (Debian's chromium; .ci/run installs it). The
    browser's DOM after load (--dump-dom) must show every sync's name and state; and the page must make no request:
    chromium writes its network log (--log-net-log), where every request the page starts carries the page's origin as
    its initiator (a file:// page's is 'null'), while the browser's own (update checks, network time) carry 'not an
    origin'. The report's log must hold no request of the page, while a control page with one remote image shows it.
    Pester 5:  Invoke-Pester tests/pester/HealthReport.Tests.ps1
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $baseUrl = $testSandbox.BaseUrl
    $script:chromium = Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $script:tag = 'report-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $script:folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pester-$tag")
    $null = New-Item -ItemType Directory -Path $folder
    $script:sf, $script:crm = New-SandboxConnectionPair -Tag $tag
    $script:model = $sf | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $daily = @{ Frequency = 'daily'; Schedule = @{ hour = 5; minute = 30 }; Active = $true }
    $script:ok = $model | New-PolytomicSync -Name "$tag Q&A <ok>" -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } @daily
    $script:bad = $model | New-PolytomicSync -Name "$tag broken" -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } @daily
    $script:bulk = New-PolytomicBulkSync -Name "$tag bulk" -Source $crm -Destination $sf -Mode replicate -Frequency manual `
        -DestinationConfiguration @{ schema = 'RAW' } -Schema Account
    function Add-History([string]$Id, [string]$Outcomes, [double]$SpacingMinutes) {
        $null = Invoke-RestMethod -Method Post -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/history') -ContentType 'application/json' `
            -Body (@{ sync_id = $Id; outcomes = $Outcomes; spacing_minutes = $SpacingMinutes } | ConvertTo-Json)
    }
    Add-History $ok.Id ('C' * 28) 360            # every six hours for a week
    Add-History $bad.Id ('CCCCCCCCCCFFFF' * 2) 360  # the last day failing
    Add-History $bulk.Id ('CF' * 10) 1440          # daily, twenty days: only the last seven show

    # Renders a file in headless chromium (killed with its children after 90 s); returns the DOM after load and the URLs
    # of the requests the page started, read from the browser's network log.
    function Invoke-Chromium([string]$File) {
        $id = [guid]::NewGuid().ToString('N').Substring(0, 6)
        $profile = [System.IO.Path]::Combine($folder, "profile-$id")
        $netlog = [System.IO.Path]::Combine($folder, "netlog-$id.json")
        $info = [System.Diagnostics.ProcessStartInfo]::new($chromium.Source)
        foreach ($a in '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', "--user-data-dir=$profile",
            "--log-net-log=$netlog", '--dump-dom', [System.Uri]::new('file://' + $File).AbsoluteUri) {
            $info.ArgumentList.Add($a)
        }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $p = [System.Diagnostics.Process]::Start($info)
        $err = $p.StandardError.ReadToEndAsync()
        $out = $p.StandardOutput.ReadToEndAsync()
        if (-not $p.WaitForExit(90000)) { $p.Kill($true); throw 'chromium did not finish in 90 s' }
        $p.WaitForExit()
        $null = $err.Result
        $log = Get-Content -LiteralPath $netlog -Raw | ConvertFrom-Json
        $start = $log.constants.logEventTypes.URL_REQUEST_START_JOB
        $pageRequests = @($log.events | Where-Object { $_.type -eq $start -and $_.params.url -and $_.params.initiator -ne 'not an origin' } | ForEach-Object { $_.params.url })
        [pscustomobject]@{ Dom = $out.Result; PageRequests = $pageRequests; BrowserRequests = @($log.events | Where-Object type -eq $start).Count }
    }
}

AfterAll {
    Get-PolytomicSync -Name "$tag *" -ErrorAction SilentlyContinue | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicBulkSync -Name "$tag *" -ErrorAction SilentlyContinue | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    $model | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $sf, $crm | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    if ($folder -and (Test-Path -LiteralPath $folder)) { Remove-Item -LiteralPath $folder -Recurse -Force }
    Stop-TestSandbox $testSandbox
}

Describe 'Export-PolytomicHealthReport' {
    BeforeAll {
        $script:report = [System.IO.Path]::Combine($folder, 'report.html')
        $script:file = Export-PolytomicHealthReport -Path $report -Name "$tag *" -Days 7 -PassThru
        $script:html = [System.IO.File]::ReadAllText($report)
    }

    It 'writes one self-contained file: no script, no link, no URL to fetch, and a CSP that forbids any' {
        $file.FullName | Should -Be $report
        $html | Should -Match "<meta http-equiv=`"Content-Security-Policy`" content=`"default-src 'none'; style-src 'unsafe-inline'`">"
        $html | Should -Not -Match '(?i)<script|<link|<img|<iframe|src=|href=|url\(|@import|@font-face|https?://'
        $html | Should -Match '<svg '
        $html | Should -Match ([regex]::Escape("$tag Q&amp;A &lt;ok&gt;"))   # names are encoded
    }

    It 'holds every sync problems first, with a timeline bar per run of the last seven days' {
        $rows = [regex]::Matches($html, '<tr class="(\w+)"><td>[^<]*</td><td>(\w+)</td><td>([^<]*)')
        $rows.Count | Should -Be 3
        $rows[0].Groups[1].Value | Should -Be 'Failed'
        @($rows | ForEach-Object { $_.Groups[3].Value.Trim() }) | Should -Contain "$tag broken"
        # 28 six-hourly runs end now: all but the first (exactly seven days back) are within the week.
        $okRow = ($html -split "`n" | Where-Object { $_ -match [regex]::Escape("$tag Q&amp;A") })
        ([regex]::Matches($okRow, '<rect x=')).Count | Should -BeIn 27, 28
        $bulkRow = ($html -split "`n" | Where-Object { $_ -match [regex]::Escape("$tag bulk") })
        ([regex]::Matches($bulkRow, '<rect x=')).Count | Should -BeIn 7, 8   # of twenty daily runs
        ([regex]::Matches($bulkRow, 'fill="#c62828"><title>')).Count | Should -BeGreaterThan 2
    }

    It 'refuses a folder, and -NoClobber an existing file, before any request; -WhatIf writes nothing' {
        { Export-PolytomicHealthReport -Path $folder -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidHealthReportPath*'
        { Export-PolytomicHealthReport -Path $report -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'HealthReportExists*'
        $other = [System.IO.Path]::Combine($folder, 'whatif.html')
        Export-PolytomicHealthReport -Path $other -WhatIf
        Test-Path -LiteralPath $other | Should -BeFalse
    }

    It 'renders in headless chromium with every name and state, and makes no request' {
        if (-not $chromium) {
            if ($env:POLYTOMICPS_CI_RUN) { throw 'chromium is required in CI (.ci/run installs it)' }
            Set-ItResult -Skipped -Because 'chromium is not installed (.ci/run installs it)'
            return
        }
        $rendered = Invoke-Chromium $report
        $rendered.PageRequests | Should -BeNullOrEmpty -Because 'the report must load nothing'
        $dom = $rendered.Dom

        # The control: the same check sees a page that loads one remote image (the network log holds its request).
        $control = [System.IO.Path]::Combine($folder, 'control.html')
        [System.IO.File]::WriteAllText($control, '<!DOCTYPE html><html><body><p>control</p><img src="http://report-check.invalid/pixel.png"></body></html>')
        (Invoke-Chromium $control).PageRequests | Should -Be 'http://report-check.invalid/pixel.png'

        $dom | Should -Match 'Polytomic sync health'
        $dom | Should -Match ([regex]::Escape("$tag Q&amp;A &lt;ok&gt;"))
        $dom | Should -Match ([regex]::Escape("$tag broken"))
        $dom | Should -Match ([regex]::Escape("$tag bulk"))
        $dom | Should -Match '2 failed</span>'
        $dom | Should -Match '<td>Failed</td><td>Sync</td><td>[^<]*broken'
        $dom | Should -Match '<svg '
    }
}
