#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Issue 23, finding 3, in real pwsh: two Import-PolytomicWorkspace of one folder into one organization at the same
    time (two scheduled jobs overlapping) leave every object once, and only the sync that keeps its name is activated.
    The folder is exported from the sandbox Start-TestSandbox starts and imported twice at once, from two runspaces with a
    session each, into a second, empty sandbox started and stopped here. The API version is Start-TestSandbox's.
    Against a real account (POLYTOMIC_API_KEY set) these tests are skipped: they import into an organization.
#>

BeforeDiscovery {
    $script:real = [bool]$env:POLYTOMIC_API_KEY
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $root = $testSandbox.Root
    $modulePath = $testSandbox.ModulePath
    $apiKey = $testSandbox.ApiKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion

    $script:tag = 'OV' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $script:dir = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pester-$tag")
    $script:orgB = $null
    if ($env:POLYTOMIC_API_KEY) { return }

    $script:orgB = Start-SandboxProcess -Root $root -ApiKey $apiKey -SchemaCacheDelay 1
    $script:urlB = $orgB.BaseUrl.TrimEnd('/') + '/'

    $warehouse, $crm = New-SandboxConnectionPair -Tag $tag
    $model = $warehouse | New-PolytomicModel -Name "$tag Users" -Table PUBLIC.users
    $null = $model | New-PolytomicSync -Name "$tag Users to CRM" -Target $crm -Object Contact -Mode updateOrCreate `
        -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency continuous
    $null = New-PolytomicBulkSync -Name "$tag CRM to Warehouse" -Source $crm -Destination $warehouse -Mode replicate `
        -Frequency manual -DestinationConfiguration @{ schema = 'CRM' } -Schema Account -Active
    Export-PolytomicWorkspace -Path $dir -Name "$tag*"
}

AfterAll {
    if ($orgB) { Stop-SandboxProcess $orgB }
    if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    Stop-TestSandbox $testSandbox
}

Describe 'Two overlapping Import-PolytomicWorkspace of one folder' -Skip:$real {
    It 'leave every object once, and activate only the syncs that keep their names' {
        $runs = foreach ($n in 1, 2) {
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($module, $url, $key, $version, $path, $secret)
                Import-Module $module
                $s = Connect-Polytomic -ApiKey $key -BaseUrl $url -ApiVersion $version
                Import-PolytomicWorkspace -Path $path -Session $s -Secret $secret -WarningAction SilentlyContinue
            }).AddArgument([System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')).AddArgument($urlB).AddArgument($apiKey).
                AddArgument($apiVersion).AddArgument($dir).AddArgument(@{ "$tag snowflake.password" = 'p' })
            [pscustomobject]@{ PS = $ps; Handle = $ps.BeginInvoke() }
        }
        $steps = foreach ($run in $runs) {
            $run.PS.EndInvoke($run.Handle)
            @($run.PS.Streams.Error) | Should -BeNullOrEmpty
            $run.PS.Dispose()
        }
        @($steps).Count | Should -Be 10
        @($steps | Where-Object Result -NE 'Applied') | Should -BeNullOrEmpty

        $b = Connect-Polytomic -ApiKey $apiKey -BaseUrl $urlB -ApiVersion $apiVersion
        try {
            @(Get-PolytomicConnection -Session $b | Where-Object Name -Like "$tag*").Count | Should -Be 2
            @(Get-PolytomicModel -Session $b | Where-Object Name -Like "$tag*").Count | Should -Be 1
            $sync = @(Get-PolytomicSync -Session $b | Where-Object Name -Like "$tag*")
            $sync.Count | Should -Be 1
            $sync[0].Active | Should -BeTrue
            $bulk = @(Get-PolytomicBulkSync -Session $b | Where-Object Name -Like "$tag*")
            $bulk.Count | Should -Be 1
            $bulk[0].Active | Should -BeTrue
            # Both runs went on with the kept objects.
            foreach ($name in ($steps | Select-Object -ExpandProperty Name -Unique)) {
                @($steps | Where-Object Name -EQ $name | Select-Object -ExpandProperty Id -Unique).Count | Should -Be 1
            }
            # Each copy that came second was deleted without ever being activated.
            $log = Invoke-RestMethod -Uri ($urlB + '_sandbox/requests')
            $activated = @($log | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/activate' } | ForEach-Object { $_.Path.Split('/')[-2] })
            $deleted = @($log | Where-Object Method -EQ 'DELETE' | ForEach-Object { $_.Path.Split('/')[-1] })
            $activated.Count | Should -Be 2
            @($activated | Where-Object { $deleted -contains $_ }) | Should -BeNullOrEmpty
            $activated | Should -Contain $sync[0].Id
            $activated | Should -Contain $bulk[0].Id
        } finally {
            $null = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
        }
    }
}
