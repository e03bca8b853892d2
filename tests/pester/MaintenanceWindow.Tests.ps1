#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Suspend-PolytomicSync and Resume-PolytomicSync in real pwsh against the sandbox: a window over model syncs and a
    bulk sync brings back exactly what was active, a rerun changes nothing, -WhatIf writes nothing. Set-up in TestSandbox.psm1.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -RunSeconds 1
    $script:tag = 'Window ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag
    $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $common = @{ Target = $salesforce; Object = 'Contact'; Mode = 'updateOrCreate'; Identity = @{ email = 'Email' }; Field = @{ first_name = 'FirstName' }; Frequency = 'manual' }
    $script:on = $model | New-PolytomicSync -Name "$tag on" @common
    $script:off = $model | New-PolytomicSync -Name "$tag off" @common -Active:$false
    $script:bulk = New-PolytomicBulkSync -Name "$tag bulk" -Source $salesforce -Destination $snowflake -Mode replicate `
        -DestinationConfiguration @{ schema = 'RAW' } -Schema Account -Active
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ('pester-window-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $folder
}

AfterAll {
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
    $on, $off | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    $bulk | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    $model | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake, $salesforce | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Suspend-PolytomicSync and Resume-PolytomicSync' {
    It '-WhatIf writes no state file and changes nothing' {
        $file = Join-Path $folder 'whatif.json'
        Suspend-PolytomicSync -Name "$tag *" -StateFile $file -WhatIf
        Test-Path $file | Should -BeFalse
        (Get-PolytomicSync -Id $on.Id).Active | Should -BeTrue
    }

    It 'turns off exactly the active syncs, waits, and turns exactly those back on' {
        $file = Join-Path $folder 'window.json'
        $null = Start-PolytomicSync -Id $on.Id
        $suspended = Suspend-PolytomicSync -Name "$tag *" -StateFile $file -Wait -TimeoutSeconds 60
        @($suspended.Name | Sort-Object) | Should -Be @("$tag bulk", "$tag on")
        @($suspended | Where-Object Running).Count | Should -Be 0
        (Get-PolytomicSync -Id $on.Id).Active | Should -BeFalse
        (Get-PolytomicBulkSync -Id $bulk.Id).Active | Should -BeFalse
        (Get-Content $file -Raw | ConvertFrom-Json).phase | Should -Be 'suspended'

        $resumed = Resume-PolytomicSync -StateFile $file
        @($resumed | Where-Object Resumed).Count | Should -Be 2
        (Get-PolytomicSync -Id $on.Id).Active | Should -BeTrue
        (Get-PolytomicBulkSync -Id $bulk.Id).Active | Should -BeTrue
        (Get-PolytomicSync -Id $off.Id).Active | Should -BeFalse

        # Run again: nothing changes; a suspend on the finished window is refused.
        $null = Resume-PolytomicSync -StateFile $file
        (Get-PolytomicSync -Id $off.Id).Active | Should -BeFalse
        { Suspend-PolytomicSync -All -StateFile $file -ErrorAction Stop } | Should -Throw -ErrorId 'StateFileInUse,PolytomicPS.Commands.SuspendPolytomicSyncCommand'
    }

    It 'cancels the runs in flight with -CancelRunning' {
        $file = Join-Path $folder 'cancel.json'
        $null = Start-PolytomicSync -Id $on.Id
        $result = Suspend-PolytomicSync -Id $on.Id -StateFile $file -CancelRunning
        $result.CanceledExecutionId | Should -Not -BeNullOrEmpty
        $null = Resume-PolytomicSync -StateFile $file
        (Get-PolytomicSync -Id $on.Id).Active | Should -BeTrue
    }

    It 'refuses a missing or foreign state file' {
        { Resume-PolytomicSync -StateFile (Join-Path $folder 'none.json') -ErrorAction Stop } |
            Should -Throw -ErrorId 'StateFileNotFound,PolytomicPS.Commands.ResumePolytomicSyncCommand'
        $foreign = Join-Path $folder 'foreign.json'
        Set-Content -Path $foreign -Value '[1, 2, 3]'
        { Resume-PolytomicSync -StateFile $foreign -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidStateFile,PolytomicPS.Commands.ResumePolytomicSyncCommand'
        Get-Content $foreign -Raw | Should -Match '\[1, 2, 3\]'
    }
}
