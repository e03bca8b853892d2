#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Every example in every cmdlet's help runs, as written, against the sandbox, in the run's API version (build.ps1
    -Task Test runs this file once per version). The examples are read from the help the module ships (the MAML the
    help generator builds from the doc comments).

    Each example runs in an organization of its own: a new organization, a partner session scoped to it as the default
    session, and the objects and variables of HelpExamples.Prelude.ps1 that the example's text refers to. Afterwards the
    organization (and any the example created) is deleted. So examples never collide, and each one can be run alone.
    The example runs in a temporary folder with $ErrorActionPreference = 'Stop' (an example that writes an error,
    or runs a program that fails, fails unless it handles the error itself), prompts answered yes ($ConfirmPreference = 'None'), and its output is
    formatted (Out-String) so the views run too. Prompts, SecretManagement, Azure Automation and Get-Credential are
    stand-ins (HelpExamples.Prelude.ps1); an example that cannot run here is skipped with its reason.
    Against a real account these tests are skipped: they create and delete organizations.
#>

BeforeDiscovery {
    $script:real = [bool]$env:POLYTOMIC_API_KEY
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $modulePath = $env:POLYTOMICPS_MODULE_PATH
    if (-not $modulePath) {
        $modulePath = [System.IO.Directory]::GetDirectories([System.IO.Path]::Combine($root, 'out', 'PolytomicPS')) |
            Sort-Object { [version][System.IO.Path]::GetFileName($_) } | Select-Object -Last 1
    }
    Import-Module ([System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')) -Force
    . ([System.IO.Path]::Combine($PSScriptRoot, 'HelpExamples.Prelude.ps1'))
    $script:examples = foreach ($command in Get-Command -Module PolytomicPS -CommandType Cmdlet | Sort-Object Name) {
        $number = 0
        foreach ($example in @((Get-Help $command.Name -Full).examples.example)) {
            $number++
            $key = "$($command.Name) #$number"
            @{ Key = $key; Cmdlet = $command.Name; Code = [string]$example.code; Skip = [string]$ExampleSkips[$key] }
        }
    }
}

BeforeAll {
    # Organizations and schemas ready at once, and runs of half a second: the examples start and wait for many runs.
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -SchemaCacheDelay 0 -RunSeconds 0.5
    $root = $testSandbox.Root
    $modulePath = $testSandbox.ModulePath
    $partnerKey = $testSandbox.PartnerKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion
    . ([System.IO.Path]::Combine($PSScriptRoot, 'HelpExamples.Prelude.ps1'))
    $script:partner = Connect-Polytomic -PartnerKey $partnerKey -BaseUrl $baseUrl -ApiVersion $apiVersion -NoDefault
    $script:git = Get-Command git -CommandType Application -ErrorAction SilentlyContinue
    # Examples that connect by themselves read the key and URL from the environment, as a CI job would.
    $script:savedEnv = @{}
    foreach ($name in 'POLYTOMIC_API_KEY', 'POLYTOMIC_BASE_URL', 'POLYTOMIC_PARTNER_KEY', 'POLYTOMICPS_HOME', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL') {
        $savedEnv[$name] = [Environment]::GetEnvironmentVariable($name)
    }

    function Invoke-HelpExample([string]$Key, [string]$Cmdlet, [string]$Code) {
        $version = if ($ExampleVersions[$Key]) { $ExampleVersions[$Key] } else { $apiVersion }
        $org = New-PolytomicOrganization -Session $partner -Name ('Example ' + [guid]::NewGuid().ToString('N').Substring(0, 10))
        $before = @((Get-PolytomicOrganization -Session $partner).Id)
        $folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'pester-example-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory -Path $folder
        Push-Location $folder
        try {
            $env:POLYTOMIC_BASE_URL = $baseUrl
            $env:POLYTOMICPS_HOME = $folder   # profiles the examples register stay in the example's folder
            $env:GIT_AUTHOR_NAME = $env:GIT_COMMITTER_NAME = 'Example'
            $env:GIT_AUTHOR_EMAIL = $env:GIT_COMMITTER_EMAIL = 'example@example.com'
            # The example's API key (environment, prompts, vaults) belongs to an admin of its own organization.
            $admin = $org | New-PolytomicUser -Session $partner -Email admin@example.com -Role admin
            $exampleKey = $admin | New-PolytomicApiKey -Session $partner -AsPlainText
            $env:POLYTOMIC_API_KEY = $exampleKey
            $null = Connect-Polytomic -PartnerKey $partnerKey -OrganizationId $org.Id -BaseUrl $baseUrl -ApiVersion $version
            $world = New-ExampleWorld -Key $Key -Cmdlet $Cmdlet -Code $Code -Partner $partner -ApiKey $exampleKey -PartnerKey $partnerKey
            if ($Key -in $ExamplePartner) { $null = Connect-Polytomic -PartnerKey $partnerKey -BaseUrl $baseUrl -ApiVersion $version }
            $keys = @{ ApiKey = $exampleKey; PartnerKey = $partnerKey; OrganizationId = $org.Id }
            & {
                param($ExampleWorld, $ExampleCode, $ExampleKeys, $ExampleVersion, $ExampleStandIns)
                . $ExampleStandIns
                foreach ($name in $ExampleWorld.Keys) { $ExecutionContext.SessionState.PSVariable.Set($name, $ExampleWorld[$name]) }
                $PSDefaultParameterValues = @{ 'Connect-Polytomic:ApiVersion' = $ExampleVersion }
                $ConfirmPreference = 'None'
                $ErrorActionPreference = 'Stop'
                $PSNativeCommandUseErrorActionPreference = $true   # git failing fails the example too
                $null = . ([scriptblock]::Create($ExampleCode)) | Out-String
            } $world $Code $keys $version $ExampleStandIns
        } finally {
            Pop-Location
            foreach ($name in $savedEnv.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnv[$name]) }
            Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
            $made = @(Get-PolytomicOrganization -Session $partner | Where-Object { $_.Id -notin $before }) + $org
            foreach ($o in $made) { $null = Remove-PolytomicOrganization -Session $partner -Id $o.Id -Force -ErrorAction SilentlyContinue }
        }
    }
}

AfterAll {
    if ($savedEnv) { foreach ($name in $savedEnv.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnv[$name]) } }
    Stop-TestSandbox $testSandbox
}

Describe 'Help examples' -Skip:$real {
    It 'skips fewer than 10 examples, each with its reason' {
        $skipped = @($examples | Where-Object Skip)
        $skipped.Count | Should -BeLessThan 10
        $examples.Count | Should -BeGreaterThan 200
    }

    It '<Key>' -TestCases $examples {
        if ($Skip) { Set-ItResult -Skipped -Because $Skip; return }
        if ($Code -match '\bgit\b' -and -not $git) { Set-ItResult -Skipped -Because 'git is not installed'; return }
        Invoke-HelpExample -Key $Key -Cmdlet $Cmdlet -Code $Code
    }
}
