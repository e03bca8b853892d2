#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Permissions: roles and policies, against the local sandbox unless POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point
    somewhere else. Set-up in TestSandbox.psm1.
    Pester 5:  Invoke-Pester tests/pester/Permissions.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    # These tests speak 2025-09-18 whatever version the run is on.
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -SessionVersion 2025-09-18
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    Stop-TestSandbox $testSandbox
}

Describe 'Roles and policies' {
    It 'New-, Set-, Get- and Remove-PolytomicRole manage a role' {
        $role = New-PolytomicRole -Name "pester-role-$tag"
        ($role | Set-PolytomicRole -NewName "pester-role-$tag-2" -PassThru).Name | Should -Be "pester-role-$tag-2"
        (Get-PolytomicRole -Id $role.Id).Name | Should -Be "pester-role-$tag-2"
        $role | Remove-PolytomicRole -Force
        { Get-PolytomicRole -Name "pester-role-$tag-2" -ErrorAction Stop } | Should -Throw -ErrorId 'RoleNotFound*'
    }

    It 'Remove-PolytomicRole -WhatIf deletes nothing, and system roles cannot be deleted' {
        $role = New-PolytomicRole -Name "pester-keep-$tag"
        $role | Remove-PolytomicRole -WhatIf
        (Get-PolytomicRole -Id $role.Id).Id | Should -Be $role.Id
        $role | Remove-PolytomicRole -Force
        { Get-PolytomicRole -Name Admin | Remove-PolytomicRole -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.Forbidden*'
    }

    It 'New-, Set-, Get- and Remove-PolytomicPolicy manage a policy and keep its actions on rename' {
        $role = New-PolytomicRole -Name "pester-analysts-$tag"
        $admin = Get-PolytomicRole -Name Admin
        $p = New-PolytomicPolicy -Name "pester-policy-$tag" -PolicyAction @{ read = $role; write = @($admin.Id) }
        $p.PolicyActions.Count | Should -Be 2
        $renamed = $p | Set-PolytomicPolicy -NewName "pester-policy-$tag-2" -PassThru
        $renamed.PolicyActions.Count | Should -Be 2
        (Get-PolytomicPolicy -Name "pester-policy-$tag-2").Id | Should -Be $p.Id
        ($p | Set-PolytomicPolicy -PolicyAction @{ read = $admin } -PassThru).PolicyActions.Count | Should -Be 1
        $p | Remove-PolytomicPolicy -Force
        { Get-PolytomicPolicy -Id $p.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        $role | Remove-PolytomicRole -Force
    }

    It 'New-PolytomicPolicy reports an unknown role as a bad request' {
        { New-PolytomicPolicy -Name "pester-bad-$tag" -PolicyAction @{ read = 'no-such-role' } -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }
}
