#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Sessions for operators (issue 27): saved profiles (with stand-ins for SecretManagement's Get-Secret and Azure
    Automation's Get-AutomationVariable / Get-AutomationPSCredential, which cannot be installed here), read-only sessions
    (checked against the sandbox's request log), the trace file and request history, and a partner export of two
    organizations. Profiles go to a temporary POLYTOMICPS_HOME, never the user's own folder.
    Against a real account these tests are skipped: they create organizations and write files.
#>

BeforeDiscovery {
    $script:real = [bool]$env:POLYTOMIC_API_KEY
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $modulePath = $testSandbox.ModulePath
    $apiKey = $testSandbox.ApiKey
    $partnerKey = $testSandbox.PartnerKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion
    $script:home6 = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'pester-ops-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $home6
    $script:savedHome = $env:POLYTOMICPS_HOME
    $env:POLYTOMICPS_HOME = $home6
    $script:profileFile = [System.IO.Path]::Combine($home6, 'profiles.json')
    $script:password = 'pester-ops-Secret-7'

    function Get-WriteCount {
        @((Invoke-RestMethod -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/requests')) | Where-Object { $_.method -notin 'GET', 'HEAD' }).Count
    }
    function Get-ErrorOf([scriptblock]$Script) {
        try { & $Script; $null } catch { $_ }
    }
    # SecretManagement's Get-Secret, with its parameters: the key of the vault's one secret.
    function global:Get-Secret {
        [CmdletBinding()]
        param([Parameter(Mandatory, Position = 0)][string]$Name, [string]$Vault, [switch]$AsPlainText)
        if ($Name -ne 'PolytomicProd') { throw "Get-Secret: The secret $Name was not found." }
        $global:SecretVaultAsked = $Vault
        if ($AsPlainText) { $apiKey } else { [System.Net.NetworkCredential]::new('', $apiKey).SecurePassword }
    }
    function global:Get-AutomationVariable { param([Parameter(Mandatory)][string]$Name) if ($Name -eq 'PolytomicKey') { $apiKey } }
    function global:Get-AutomationPSCredential {
        param([Parameter(Mandatory)][string]$Name)
        [pscredential]::new(' ', [System.Net.NetworkCredential]::new('', $partnerKey).SecurePassword)
    }
}

AfterAll {
    Remove-Item Function:\global:Get-Secret, Function:\global:Get-AutomationVariable, Function:\global:Get-AutomationPSCredential -ErrorAction SilentlyContinue
    $env:POLYTOMICPS_HOME = $savedHome
    if (Test-Path $home6) { Remove-Item $home6 -Recurse -Force }
    Stop-TestSandbox $testSandbox
}

Describe 'Profiles' -Skip:$real {
    It 'connects with a SecretManagement profile, and the profiles file never holds the key' {
        $p = Register-PolytomicProfile -Name prod -SecretName PolytomicProd -Vault Store -BaseUrl $baseUrl -ApiVersion $apiVersion -Force
        $p.KeySource | Should -Be 'SecretManagement'
        $s = Connect-Polytomic -Profile prod -NoDefault
        $global:SecretVaultAsked | Should -Be 'Store'
        $s.ProfileName | Should -Be 'prod'
        $s.ApiVersion | Should -Be $apiVersion
        (Get-PolytomicIdentity -Session $s).IsUser | Should -BeTrue
        $text = Get-Content -Raw $profileFile
        $text | Should -Not -Match ([regex]::Escape($apiKey))
        $text | Should -Match '"keyName": "PolytomicProd"'
        foreach ($f in Get-ChildItem $home6 -Recurse -File) { Get-Content -Raw $f.FullName | Should -Not -Match ([regex]::Escape($apiKey)) }
        @(Get-ChildItem $home6 -Force -Filter '*.tmp').Count | Should -Be 0
    }

    It 'reads an environment variable, an Automation variable and an Automation credential (a partner key)' {
        $null = Register-PolytomicProfile -Name env -KeyVariable PESTER_OPS_KEY -BaseUrl $baseUrl -Force
        $null = Register-PolytomicProfile -Name auto -AutomationVariable PolytomicKey -BaseUrl $baseUrl -Force
        $null = Register-PolytomicProfile -Name partner -AutomationCredential 'Polytomic partner' -KeyType PartnerKey -BaseUrl $baseUrl -Force
        $env:PESTER_OPS_KEY = $apiKey
        try { $e = Connect-Polytomic -Profile env -NoDefault -ApiVersion $apiVersion } finally { Remove-Item Env:PESTER_OPS_KEY }
        (Get-PolytomicIdentity -Session $e).IsUser | Should -BeTrue
        $a = Connect-Polytomic -Profile auto -NoDefault -ApiVersion $apiVersion
        $a.AuthMode | Should -Be 'ApiKey'
        $null = Get-PolytomicConnection -Session $a
        $p = Connect-Polytomic -Profile partner -NoDefault -ApiVersion $apiVersion
        $p.AuthMode | Should -Be 'PartnerKey'
        @(Get-PolytomicOrganization -Session $p).Count | Should -BeGreaterThan 0
        (Get-Content -Raw $profileFile) | Should -Not -Match ([regex]::Escape($partnerKey))
    }

    It 'lists the runspace''s sessions with their profile names' {
        $s = Connect-Polytomic -Profile prod -NoDefault
        $all = @(Get-PolytomicSession -All)
        $all.Count | Should -BeGreaterThan 1
        $all | Where-Object { [object]::ReferenceEquals($_, $s) } | Should -Not -BeNullOrEmpty
        ($all | Where-Object ProfileName -EQ 'prod') | Should -Not -BeNullOrEmpty
        $all | Where-Object IsDefault | Should -HaveCount 1
        ($all | Format-Table | Out-String -Width 400) | Should -Match 'Default +Profile'
        ($all | Format-Table | Out-String -Width 400) | Should -Match 'True +prod|False +prod'
    }

    It 'connects in a new pwsh with the profile alone' {
        $pwsh = Get-PwshCommand
        $manifest = [System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')
        $command = "Import-Module '$manifest'; `$null = Connect-Polytomic -Profile env; (Get-PolytomicIdentity).IsUser"
        $env:PESTER_OPS_KEY = $apiKey
        try { $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command 2>&1 | Out-String }
        finally { Remove-Item Env:PESTER_OPS_KEY }
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output.Trim() | Should -Be 'True'
    }

    It 'refuses what it cannot use, each by ErrorId, and unregisters' {
        (Get-ErrorOf { Connect-Polytomic -Profile nosuch }).FullyQualifiedErrorId | Should -Match '^ProfileNotFound'
        (Get-ErrorOf { Register-PolytomicProfile -Name prod -SecretName Other }).FullyQualifiedErrorId | Should -Match '^ProfileExists'
        (Get-ErrorOf { Register-PolytomicProfile -Name 'bad name' -SecretName Other }).FullyQualifiedErrorId | Should -Match '^InvalidProfileName'
        $e = Get-ErrorOf { Register-PolytomicProfile -Name leak -KeyVariable $apiKey }
        $e.FullyQualifiedErrorId | Should -Match '^InvalidKeyVariable'
        $e.ToString() | Should -Not -Match ([regex]::Escape($apiKey))
        $null = Register-PolytomicProfile -Name missing -KeyVariable PESTER_OPS_UNSET -Force
        (Get-ErrorOf { Connect-Polytomic -Profile missing }).FullyQualifiedErrorId | Should -Match '^ProfileKeyNotFound'
        $null = Register-PolytomicProfile -Name nothing -AutomationVariable NoSuchVariable -Force
        (Get-ErrorOf { Connect-Polytomic -Profile nothing }).FullyQualifiedErrorId | Should -Match '^ProfileKeyNotFound'
        Unregister-PolytomicProfile -Name nothing
        $null = Register-PolytomicProfile -Name vaultless -SecretName PolytomicProd -Force
        $standIn = ${function:global:Get-Secret}
        Remove-Item Function:\Get-Secret
        try {
            Get-Command Get-Secret -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            (Get-ErrorOf { Connect-Polytomic -Profile vaultless }).FullyQualifiedErrorId | Should -Match '^SecretManagementNotAvailable'
        } finally { ${function:global:Get-Secret} = $standIn }
        Unregister-PolytomicProfile -Name missing, vaultless
        Get-PolytomicProfile -Name missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Match '^ProfileNotFound'
        (Get-PolytomicProfile).Name | Should -Contain 'prod'
    }

    It 'refuses a profiles file that is not JSON, and leaves it as it was' {
        $other = [System.IO.Path]::Combine($home6, 'broken')
        $null = New-Item -ItemType Directory -Path $other
        Set-Content -Path ([System.IO.Path]::Combine($other, 'profiles.json')) -Value 'not json'
        $env:POLYTOMICPS_HOME = $other
        try {
            (Get-ErrorOf { Get-PolytomicProfile }).FullyQualifiedErrorId | Should -Match '^ProfileFileInvalid'
            (Get-ErrorOf { Register-PolytomicProfile -Name x -SecretName y }).FullyQualifiedErrorId | Should -Match '^ProfileFileInvalid'
            (Get-Content -Raw ([System.IO.Path]::Combine($other, 'profiles.json'))).Trim() | Should -Be 'not json'
        } finally { $env:POLYTOMICPS_HOME = $home6 }
    }
}

Describe 'Read-only sessions' -Skip:$real {
    It 'refuses every change before anything is sent, naming the cmdlet, and still reads' {
        $victim = New-PolytomicConnection -Name ('ro victim ' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -Type stripe -Configuration @{ api_key = 'sk-Secret-2' }
        $ro = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion -ReadOnly -NoDefault
        $ro.ReadOnly | Should -BeTrue
        $existing = @(Get-PolytomicConnection -Session $ro -Id $victim.Id)
        $existing | Should -HaveCount 1
        $before = Get-WriteCount
        $e = Get-ErrorOf { New-PolytomicConnection -Session $ro -Name 'ro test' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = $password; dbname = 'd' } }
        $e.FullyQualifiedErrorId | Should -Match '^ReadOnlySession'
        $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $e.ToString() | Should -Match 'New-PolytomicConnection'
        (Get-ErrorOf { Invoke-PolytomicRequest -Session $ro -Method POST -Path /api/webhooks -Body @{ endpoint = 'https://example.com' } }).FullyQualifiedErrorId | Should -Match '^ReadOnlySession'
        (Get-ErrorOf { Invoke-PolytomicRequest -Session $ro -Method DELETE -Path "/api/connections/$([guid]::NewGuid())" }).FullyQualifiedErrorId | Should -Match '^ReadOnlySession'
        (Get-ErrorOf { Remove-PolytomicConnection -Session $ro -Id $victim.Id -Force }).FullyQualifiedErrorId | Should -Match '^ReadOnlySession'
        (Get-ErrorOf { Set-PolytomicConnection -Session $ro -Id $victim.Id -NewName 'renamed' }).FullyQualifiedErrorId | Should -Match '^ReadOnlySession'
        Get-WriteCount | Should -Be $before
        Get-PolytomicConnection -Id $victim.Id | Should -Not -BeNullOrEmpty
        Remove-PolytomicConnection -Id $victim.Id -Force
        (Get-PolytomicRequestHistory -Session $ro | Where-Object ErrorId -EQ 'ReadOnlySession').Attempt | Should -Not -Contain 1
    }

    It 'stops a workspace import at its first change' {
        $name = 'ro role ' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $role = New-PolytomicRole -Name $name
        $dir = [System.IO.Path]::Combine($home6, 'ro-workspace')
        Export-PolytomicWorkspace -Path $dir -Include Roles -Name $name
        Remove-PolytomicRole -Id $role.Id -Force
        $ro = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion -ReadOnly -NoDefault
        $before = Get-WriteCount
        $e = Get-ErrorOf { Import-PolytomicWorkspace -Session $ro -Path $dir -Force }
        $e.FullyQualifiedErrorId | Should -Match '^ReadOnlySession'
        $e.ToString() | Should -Match 'Import-PolytomicWorkspace'
        Get-WriteCount | Should -Be $before
    }

    It 'still shows what -WhatIf would do' {
        $ro = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion -ReadOnly -NoDefault
        $before = Get-WriteCount
        # The "What if:" line goes to the host; what matters here is that -WhatIf runs without the refusal.
        $out = New-PolytomicConnection -Session $ro -Name 'ro whatif' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = $password; dbname = 'd' } -WhatIf -ErrorAction Stop
        $out | Should -BeNullOrEmpty
        Get-WriteCount | Should -Be $before
    }

    It 'keeps a read-only profile read-only whatever the script says' {
        $null = Register-PolytomicProfile -Name monitor -SecretName PolytomicProd -BaseUrl $baseUrl -ReadOnly -Force
        $s = Connect-Polytomic -Profile monitor -ReadOnly:$false -NoDefault -ApiVersion $apiVersion
        $s.ReadOnly | Should -BeTrue
        $before = Get-WriteCount
        (Get-ErrorOf { New-PolytomicWebhook -Session $s -Endpoint 'https://example.com/hook' -Secret 'x-Secret-1' }).FullyQualifiedErrorId | Should -Match '^ReadOnlySession'
        Get-WriteCount | Should -Be $before
    }
}

Describe 'Trace file and request history' -Skip:$real {
    It 'appends one JSON line per attempt, retries included, without the key or a password' {
        $trace = [System.IO.Path]::Combine($home6, 'trace.jsonl')
        $s = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion -TracePath $trace -TraceBody -MaxRetries 2 -NoDefault
        $s.TracePath | Should -Be $trace
        $fault = @{ kind = 'Status'; status = 503; count = 1; method = 'GET'; pathPrefix = '/api/connections' } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/faults') -Body $fault -ContentType 'application/json'
        $null = Get-PolytomicConnection -Session $s
        $c = New-PolytomicConnection -Session $s -Name ('trace ' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -Type snowflake `
            -Configuration @{ account = 'acme'; username = 'etl'; password = $password; dbname = 'analytics' } -WarningAction SilentlyContinue
        $text = Get-Content -Raw $trace
        $text | Should -Not -Match ([regex]::Escape($apiKey))
        $text | Should -Not -Match ([regex]::Escape($password))
        $text | Should -Not -Match 'Authorization|Bearer'
        $lines = @(Get-Content $trace | ForEach-Object { $_ | ConvertFrom-Json })
        $lines[0].PSObject.Properties.Name | Should -Be @('time', 'method', 'path', 'query', 'status', 'ms', 'attempt', 'idempotencyKey', 'errorId')
        $failed = $lines | Where-Object { $_.path -eq '/api/connections' -and $_.method -eq 'GET' -and $_.status -eq 503 }
        $failed.attempt | Should -Be 1
        $failed.errorId | Should -Be 'PolytomicApi.ServerError'
        ($lines | Where-Object { $_.path -eq '/api/connections' -and $_.method -eq 'GET' -and $_.status -eq 200 } | Select-Object -First 1).attempt | Should -Be 2
        $post = $lines | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/api/connections' } | Select-Object -First 1
        $post.idempotencyKey | Should -Not -BeNullOrEmpty
        $post.body | Should -Match '"username":"etl"'
        $post.body | Should -Match '"password":"\*{8}"'
        $history = @(Get-PolytomicRequestHistory -Session $s -Last 3)
        $history.Count | Should -Be 3
        $history[-1].Path | Should -Not -BeNullOrEmpty
        ($history | Out-String) | Should -Match 'Attempt'
        $null = Remove-PolytomicConnection -Session $s -Id $c.Id -Force
    }

    It 'takes the trace path, retries and timeout from the environment' {
        $trace = [System.IO.Path]::Combine($home6, 'env-trace.jsonl')
        $env:POLYTOMICPS_TRACE_PATH = $trace
        $env:POLYTOMIC_MAX_RETRIES = '0'
        try {
            $s = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion -NoDefault
            $s.TracePath | Should -Be $trace
            $fault = @{ kind = 'Status'; status = 503; count = 1; method = 'GET'; pathPrefix = '/api/models' } | ConvertTo-Json
            Invoke-RestMethod -Method Post -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/faults') -Body $fault -ContentType 'application/json'
            $e = Get-ErrorOf { Get-PolytomicModel -Session $s -ErrorAction Stop }
            $e.FullyQualifiedErrorId | Should -Match '^PolytomicApi.ServerError'
            @(Get-Content $trace | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object path -EQ '/api/models').Count | Should -Be 1
            $env:POLYTOMIC_TIMEOUT_SECONDS = 'soon'
            (Get-ErrorOf { Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -NoDefault }).FullyQualifiedErrorId | Should -Match '^InvalidEnvironmentValue'
        } finally {
            Remove-Item Env:POLYTOMICPS_TRACE_PATH, Env:POLYTOMIC_MAX_RETRIES, Env:POLYTOMIC_TIMEOUT_SECONDS -ErrorAction SilentlyContinue
        }
        (Get-ErrorOf { Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -TracePath ([System.IO.Path]::Combine($home6, 'no', 'such', 't.jsonl')) -NoDefault }).FullyQualifiedErrorId |
            Should -Match '^TracePathNotFound'
    }
}

Describe 'Many organizations' -Skip:$real {
    It 'connects once per piped organization and exports each to a folder named after it' {
        $partner = Connect-Polytomic -PartnerKey $partnerKey -BaseUrl $baseUrl -ApiVersion $apiVersion -NoDefault
        $tag = [guid]::NewGuid().ToString('N').Substring(0, 6)
        $orgs = @(New-PolytomicOrganization -Session $partner -Name "Ops A $tag"), @(New-PolytomicOrganization -Session $partner -Name "Ops B/$tag")
        $default = Get-PolytomicSession
        try {
            $sessions = @(Get-PolytomicOrganization -Session $partner | Where-Object Id -In $orgs.Id | Connect-Polytomic -PartnerKey $partnerKey -BaseUrl $baseUrl -ApiVersion $apiVersion)
            $sessions.Count | Should -Be 2
            $sessions.OrganizationId | Sort-Object | Should -Be ($orgs.Id | Sort-Object)
            $sessions.IsDefault | Should -Not -Contain $true
            [object]::ReferenceEquals((Get-PolytomicSession), $default) | Should -BeTrue
            foreach ($s in $sessions) {
                $null = New-PolytomicWebhook -Session $s -Endpoint "https://example.com/$($s.OrganizationId)" -Secret 'hook-Secret-1'
                $null = New-PolytomicConnection -Session $s -Name "Warehouse of $($s.OrganizationId)" -Type snowflake `
                    -Configuration @{ account = 'a'; username = 'u'; password = $password; dbname = 'd' } -WarningAction SilentlyContinue
            }
            $dir = [System.IO.Path]::Combine($home6, 'orgs')
            Export-PolytomicWorkspace -Session $sessions -Path $dir
            $folders = @(Get-ChildItem $dir -Directory | Sort-Object Name)
            $folders.Name[0] | Should -Be "Ops A $tag"
            $folders.Name[1] | Should -Match "^Ops B_$tag~[0-9a-f]+$"   # '/' is no file name character: the portable name
            foreach ($s in $sessions) {
                $folder = if ($s.OrganizationId -eq $orgs[0].Id) { $folders[0] } else { $folders[1] }
                Test-Path ([System.IO.Path]::Combine($folder.FullName, 'manifest.json')) | Should -BeTrue
                $files = @(Get-ChildItem ([System.IO.Path]::Combine($folder.FullName, 'connections')) -File)
                $files.Name | Should -Contain "Warehouse of $($s.OrganizationId).json"
                $files.Name | Should -HaveCount 1
                (Get-Content -Raw ([System.IO.Path]::Combine($folder.FullName, 'manifest.json'))) | Should -Match $s.OrganizationId
            }
            (Get-ErrorOf { Export-PolytomicWorkspace -Session $sessions[0], $sessions[0] -Path $dir }).FullyQualifiedErrorId | Should -Match '^DuplicateOrganization'

            # Health across the organizations: one object per sync, each naming its organization.
            foreach ($s in $sessions) {
                $warehouse = Get-PolytomicConnection -Session $s -Name "Warehouse of $($s.OrganizationId)"
                $crm = New-PolytomicConnection -Session $s -Name "CRM of $($s.OrganizationId)" -Type salesforce `
                    -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
                $null = $warehouse, $crm | Wait-PolytomicConnection -Session $s -TimeoutSeconds 120 -PollIntervalSeconds 0.2
                $model = New-PolytomicModel -Session $s -Name "Users of $($s.OrganizationId)" -ConnectionId $warehouse.Id -Table 'PUBLIC.users'
                $null = New-PolytomicSync -Session $s -Name "Users to CRM of $($s.OrganizationId)" -ModelId $model.Id -Target $crm -Object Contact `
                    -Mode updateOrCreate -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency manual
            }
            $health = @(Get-PolytomicSyncHealth -Session $sessions)
            $health | Should -HaveCount 2
            foreach ($s in $sessions) {
                $mine = @($health | Where-Object Name -eq "Users to CRM of $($s.OrganizationId)")
                $mine | Should -HaveCount 1
                $mine[0].Organization | Should -Be $s.Organization
                $mine[0].Organization | Should -Match ([regex]::Escape($s.OrganizationId))
            }
        } finally {
            foreach ($o in $orgs) { $null = Remove-PolytomicOrganization -Session $partner -Id $o.Id -Force -ErrorAction SilentlyContinue }
        }
    }
}
