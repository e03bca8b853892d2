#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Workspace as code: Export-, Compare- and Import-PolytomicWorkspace between two organizations. Organization A is the
    sandbox Start-TestSandbox starts; organization B is a second sandbox started here (and stopped here) with
    tools/SandboxProcess.psm1, the faithful model of another organization's key. The API version is Start-TestSandbox's.
    Against a real account (POLYTOMIC_API_KEY set) these tests are skipped: they import into and prune a workspace.
    Writes are counted from the sandbox's request log (GET /_sandbox/requests).
#>

BeforeDiscovery {
    $script:real = [bool]$env:POLYTOMIC_API_KEY
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $root = $testSandbox.Root
    $apiKey = $testSandbox.ApiKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion

    $script:version = $apiVersion
    $script:tag = 'WS' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $script:dir = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pester-$tag")
    $script:dirA = [System.IO.Path]::Combine($dir, 'a')
    $script:dirB = [System.IO.Path]::Combine($dir, 'b')
    $script:password = 'pester-ws-Secret-1'
    $script:orgB = $null
    if ($env:POLYTOMIC_API_KEY) { return }

    # Organization B: a second sandbox, started and stopped the way Start-TestSandbox starts the first.
    $script:orgB = Start-SandboxProcess -Root $root -ApiKey $apiKey -SchemaCacheDelay 1
    $script:urlB = $orgB.BaseUrl.TrimEnd('/') + '/'

    $script:a = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $version
    $script:b = Connect-Polytomic -ApiKey $apiKey -BaseUrl $urlB -ApiVersion $version

    # Writes made so far to a sandbox, from its request log.
    function Get-WriteCount([string]$url) {
        $log = Invoke-RestMethod -Uri ($url + '_sandbox/requests')
        @($log | Where-Object Method -NE 'GET').Count
    }

    # A small workspace in A: a warehouse with a secret, an OAuth CRM, a model, a sync and a bulk sync.
    $warehouse = New-PolytomicConnection -Session $a -Name "$tag Warehouse" -Type snowflake `
        -Configuration @{ account = 'acme'; username = 'etl'; password = $password; dbname = 'analytics' }
    $crm = New-PolytomicConnection -Session $a -Name "$tag CRM" -Type salesforce `
        -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
    $null = $warehouse, $crm | Wait-PolytomicConnection -Session $a -TimeoutSeconds 120 -PollIntervalSeconds 0.2
    $model = New-PolytomicModel -Session $a -Name "$tag Users" -ConnectionId $warehouse.Id -Table 'PUBLIC.users'
    $null = New-PolytomicSync -Session $a -Name "$tag Users to CRM" -ModelId $model.Id -Target $crm -Object Contact `
        -Mode updateOrCreate -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency daily -Schedule @{ hour = 5; minute = 30 }
    $null = New-PolytomicBulkSync -Session $a -Name "$tag CRM to Warehouse" -Source $crm -Destination $warehouse `
        -Mode replicate -Frequency manual -DestinationConfiguration @{ schema = 'CRM' } -Schema Account, Contact
}

AfterAll {
    if ($orgB) { Stop-SandboxProcess $orgB }
    if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    Stop-TestSandbox $testSandbox
}

Describe 'Export-PolytomicWorkspace' -Skip:$real {
    It 'writes one file per object by name, with names for references, placeholders for secrets and no ids' {
        Export-PolytomicWorkspace -Session $a -Path $dirA -Name "$tag*"
        $files = Get-ChildItem $dirA -Recurse -Filter *.json | ForEach-Object { $_.FullName.Substring($dirA.Length + 1).Replace('\', '/') }
        $files | Should -Contain "connections/$tag Warehouse.json"
        $files | Should -Contain "models/$tag Users.json"
        $files | Should -Contain "syncs/$tag Users to CRM.json"
        $files | Should -Contain "bulk_syncs/$tag CRM to Warehouse.json"
        $files | Should -Contain 'manifest.json'
        $warehouse = Get-Content -Raw ([System.IO.Path]::Combine($dirA, 'connections', "$tag Warehouse.json")) | ConvertFrom-Json
        $warehouse.configuration.password.'$secret' | Should -Be "$tag Warehouse.password"
        (Get-Content -Raw ([System.IO.Path]::Combine($dirA, 'connections', "$tag CRM.json")) | ConvertFrom-Json).sign_in | Should -Be 'oauth'
        $sync = Get-Content -Raw ([System.IO.Path]::Combine($dirA, 'syncs', "$tag Users to CRM.json")) | ConvertFrom-Json
        $sync.target.connection | Should -Be "$tag CRM"
        $sync.identity.source.model | Should -Be "$tag Users"
        (Get-Content -Raw ([System.IO.Path]::Combine($dirA, 'manifest.json')) | ConvertFrom-Json).api_version | Should -Be $version
        Get-ChildItem $dirA -Recurse -File | Select-String -SimpleMatch $password | Should -BeNullOrEmpty
        Get-ChildItem $dirA -Recurse -File | Select-String -Pattern '"(created_at|updated_at|organization_id|created_by)"' | Should -BeNullOrEmpty
    }

    It 'exports an unchanged workspace to byte-identical files' {
        $before = Get-ChildItem $dirA -Recurse -File | ForEach-Object { $_.FullName + ':' + (Get-FileHash $_.FullName).Hash }
        Export-PolytomicWorkspace -Session $a -Path $dirA -Name "$tag*"
        Get-ChildItem $dirA -Recurse -File | ForEach-Object { $_.FullName + ':' + (Get-FileHash $_.FullName).Hash } | Should -Be $before
    }
}

Describe 'Import-PolytomicWorkspace into another organization' -Skip:$real {
    It 'stops before any write when a secret is missing, naming the placeholder' {
        { Import-PolytomicWorkspace -Session $b -Path $dirA -ErrorAction Stop } | Should -Throw -ErrorId 'WorkspaceSecretMissing*' -ExpectedMessage "*$tag Warehouse.password*"
        Get-WriteCount $urlB | Should -Be 0
    }

    It 'makes no writes with -WhatIf and outputs the plan' {
        $plan = Import-PolytomicWorkspace -Session $b -Path $dirA -Secret @{ "$tag Warehouse.password" = $password } -WhatIf
        $plan.Action | Select-Object -Unique | Should -Be 'Create'
        $plan.Count | Should -Be 5
        Get-WriteCount $urlB | Should -Be 0
    }

    It 'creates everything in dependency order, after which Compare shows only NoChange' {
        $secret = [System.Net.NetworkCredential]::new('', $password).SecurePassword
        $result = Import-PolytomicWorkspace -Session $b -Path $dirA -Secret @{ "$tag Warehouse.password" = $secret } -WarningVariable warned -WarningAction SilentlyContinue
        $result.Result | Select-Object -Unique | Should -Be 'Applied'
        ($result | ForEach-Object Kind) -join ',' | Should -Be 'Connection,Connection,Model,Sync,BulkSync'
        $warned | Should -Match 'OAuth'
        (Compare-PolytomicWorkspace -Session $b -Path $dirA).Action | Select-Object -Unique | Should -Be 'NoChange'
    }

    It 'exports organization B to the same files, apart from the manifest' {
        Export-PolytomicWorkspace -Session $b -Path $dirB -Name "$tag*"
        foreach ($file in Get-ChildItem $dirA -Recurse -Filter *.json | Where-Object Name -NE 'manifest.json') {
            $twin = $file.FullName.Replace($dirA, $dirB)
            (Get-FileHash $twin).Hash | Should -Be (Get-FileHash $file.FullName).Hash -Because $file.Name
        }
    }

    It 'makes zero writes on a second import (the request log proves it)' {
        $before = Get-WriteCount $urlB
        $again = Import-PolytomicWorkspace -Session $b -Path $dirA -Secret @{ "$tag Warehouse.password" = $password }
        $again.Result | Select-Object -Unique | Should -Be 'Unchanged'
        Get-WriteCount $urlB | Should -Be $before
    }

    It 'turns one edited field into exactly one Update with its old and new value' {
        $file = [System.IO.Path]::Combine($dirB, 'syncs', "$tag Users to CRM.json")
        $text = Get-Content -Raw $file
        $text.Replace('"frequency": "daily"', '"frequency": "hourly"') | Set-Content -NoNewline $file
        $changed = Compare-PolytomicWorkspace -Session $b -Path $dirB | Where-Object Action -NE 'NoChange'
        $changed.Action | Should -Be 'Update'
        $changed.Name | Should -Be "$tag Users to CRM"
        $changed.Changes.Field | Should -Be 'schedule.frequency'
        $changed.Changes.OldValue | Should -Be 'daily'
        $changed.Changes.NewValue | Should -Be 'hourly'
        ($changed | Out-String) | Should -Match '~\s+Update\s+Sync'
        $before = Get-WriteCount $urlB
        $null = Import-PolytomicWorkspace -Session $b -Path $dirB
        Get-WriteCount $urlB | Should -Be ($before + 1)
        (Get-PolytomicSync -Session $b -Name "$tag Users to CRM").Frequency | Should -Be 'hourly'
    }

    It 'deletes exactly the object whose file was removed, with -Prune' {
        Remove-Item ([System.IO.Path]::Combine($dirB, 'bulk_syncs', "$tag CRM to Warehouse.json"))
        $plan = Compare-PolytomicWorkspace -Session $b -Path $dirB -Prune | Where-Object Action -NE 'NoChange'
        $plan.Action | Should -Be 'Delete'
        $plan.Kind | Should -Be 'BulkSync'
        $null = Import-PolytomicWorkspace -Session $b -Path $dirB -Prune -Force
        Get-PolytomicBulkSync -Session $b -Name "$tag*" | Should -BeNullOrEmpty
        (Compare-PolytomicWorkspace -Session $b -Path $dirB -Prune).Action | Select-Object -Unique | Should -Be 'NoChange'
    }

    It 'points a folder connection at a differently named existing connection with -ConnectionMap' {
        $prod = New-PolytomicConnection -Session $b -Name "$tag Prod Warehouse" -Type snowflake `
            -Configuration @{ account = 'prod'; username = 'etl'; password = $password; dbname = 'analytics' }
        $null = $prod | Wait-PolytomicConnection -Session $b -TimeoutSeconds 120 -PollIntervalSeconds 0.2
        $plan = Compare-PolytomicWorkspace -Session $b -Path $dirA -ConnectionMap @{ "$tag Warehouse" = "$tag Prod Warehouse" }
        ($plan | Where-Object Name -EQ "$tag Warehouse").Detail | Should -Match 'mapped'
        ($plan | Where-Object Name -EQ "$tag Users").Changes.Field | Should -Be 'connection'
    }

    It 'refuses names that are not unique, listing them' {
        $null = New-PolytomicConnection -Session $b -Name "$tag CRM" -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -Force -WarningAction SilentlyContinue
        { Export-PolytomicWorkspace -Session $b -Path ([System.IO.Path]::Combine($dir, 'dup')) -Name "$tag*" -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateWorkspaceName*' -ExpectedMessage "*Connection '$tag CRM' (2 objects)*"
    }
}

Describe 'Export-PolytomicWorkspace -Include' -Skip:$real {
    It 'writes roles, policies and the webhook by name without its secret; the import converges and then writes nothing' {
        $dirI = [System.IO.Path]::Combine($dir, 'include')
        $endpoint = "https://hooks.example.com/$tag"
        $hookSecret = 'pester-ws-Hook-2'
        $role = New-PolytomicRole -Session $a -Name "$tag-acc Analysts"
        $null = New-PolytomicPolicy -Session $a -Name "$tag-acc Access" -PolicyAction @{ read = $role }
        $null = New-PolytomicWebhook -Session $a -Endpoint $endpoint -Secret ([System.Net.NetworkCredential]::new('', $hookSecret).SecurePassword)
        Export-PolytomicWorkspace -Session $a -Path $dirI -Name "$tag-acc*", "$endpoint*" -Include Roles, Policies, Webhooks
        $policy = Get-Content -Raw ([System.IO.Path]::Combine($dirI, 'policies', "$tag-acc Access.json")) | ConvertFrom-Json
        $policy.policy_actions[0].roles | Should -Be "$tag-acc Analysts"
        (Get-ChildItem ([System.IO.Path]::Combine($dirI, 'webhooks')) -Filter *.json).Count | Should -Be 1
        Get-ChildItem $dirI -Recurse -File | Select-String -SimpleMatch $hookSecret | Should -BeNullOrEmpty

        $secret = @{ 'webhook:secret' = 'pester-ws-Hook-3' }
        $result = Import-PolytomicWorkspace -Session $b -Path $dirI -Secret $secret
        ($result | ForEach-Object { "$($_.Kind):$($_.Result)" }) -join ',' | Should -Be 'Role:Applied,Policy:Applied,Webhook:Applied'
        (Compare-PolytomicWorkspace -Session $b -Path $dirI).Action | Select-Object -Unique | Should -Be 'NoChange'
        $before = Get-WriteCount $urlB
        $null = Import-PolytomicWorkspace -Session $b -Path $dirI -Secret $secret
        Get-WriteCount $urlB | Should -Be $before
    }
}

Describe 'Workspace folder safety' -Skip:$real {
    BeforeAll {
        $script:safe = [System.IO.Path]::Combine($dir, 'safe')
        Export-PolytomicWorkspace -Session $a -Path $safe -Name "$tag*"
        $script:whFile = [System.IO.Path]::Combine($safe, 'connections', "$tag Warehouse.json")
    }

    It 'refuses to export through a linked file, naming it, and leaves the file outside as it was' {
        $outside = [System.IO.Path]::Combine($dir, 'outside.json')
        Set-Content -Path $outside -Value 'not the export''s' -NoNewline
        $saved = Get-Content -Raw $whFile
        Remove-Item $whFile
        $null = New-Item -ItemType SymbolicLink -Path $whFile -Target $outside
        { Export-PolytomicWorkspace -Session $a -Path $safe -Name "$tag*" -ErrorAction Stop } |
            Should -Throw -ErrorId 'WorkspaceLinkRefused*' -ExpectedMessage "*connections/$tag Warehouse.json*"
        Get-Content -Raw $outside | Should -Be 'not the export''s'
        Remove-Item $whFile
        Set-Content -Path $whFile -Value $saved -NoNewline
    }

    It 'keeps a file it did not write, with a warning, and deletes none of it' {
        $foreign = [System.IO.Path]::Combine($safe, 'models', 'package.json')
        Set-Content -Path $foreign -Value '{ "private": true }' -NoNewline
        Export-PolytomicWorkspace -Session $a -Path $safe -Name "$tag*" -WarningVariable warned -WarningAction SilentlyContinue
        Get-Content -Raw $foreign | Should -Be '{ "private": true }'
        $warned | Should -Match 'Kept models/package.json'
        # Compare and Import read it as a model, which it is not: the folder is refused before any write.
        $before = Get-WriteCount $urlB
        { Import-PolytomicWorkspace -Session $b -Path $safe -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownWorkspaceField*' -ExpectedMessage '*models/package.json*$.private*'
        Get-WriteCount $urlB | Should -Be $before
        Remove-Item $foreign
    }

    It 'refuses a placeholder that is not exactly {"$secret": ...} with zero writes, Compare the same' {
        $saved = Get-Content -Raw $whFile
        $saved.Replace('"$secret"', '"$Secret"') | Set-Content -Path $whFile -NoNewline
        $before = Get-WriteCount $urlB
        { Import-PolytomicWorkspace -Session $b -Path $safe -Secret @{ "$tag Warehouse.password" = $password } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSecretPlaceholder*' -ExpectedMessage '*$.configuration.password*'
        { Compare-PolytomicWorkspace -Session $b -Path $safe -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSecretPlaceholder*'
        Get-WriteCount $urlB | Should -Be $before
        Set-Content -Path $whFile -Value $saved -NoNewline
    }

    It 'refuses a manifest with an unknown API version or kind with zero writes' {
        $manifestFile = [System.IO.Path]::Combine($safe, 'manifest.json')
        $saved = Get-Content -Raw $manifestFile
        $before = Get-WriteCount $urlB
        $saved -replace '"api_version": "[^"]*"', '"api_version": "banana"' | Set-Content -Path $manifestFile -NoNewline
        { Import-PolytomicWorkspace -Session $b -Path $safe -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWorkspaceManifest*' -ExpectedMessage '*$.api_version*'
        $saved.Replace('"connections",', '"../../etc",') | Set-Content -Path $manifestFile -NoNewline
        { Import-PolytomicWorkspace -Session $b -Path $safe -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWorkspaceManifest*' -ExpectedMessage '*$.kinds*'
        Get-WriteCount $urlB | Should -Be $before
        Set-Content -Path $manifestFile -Value $saved -NoNewline
    }
}
