# PolytomicPS module manifest. The build stages it beside the module dll and stamps ModuleVersion from
# Directory.Build.props (the one version source); keep CmdletsToExport explicit (a test compares it with the dll).
@{
    RootModule           = 'PolytomicPS.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = '5d2f6f0e-6a53-4b7e-9a49-6f2b0a8c1e47'
    Author               = 'PolytomicPS contributors'
    CompanyName          = 'PolytomicPS'
    Copyright            = '(c) PolytomicPS contributors. MIT License.'
    Description          = 'Drive the Polytomic API from PowerShell: connections, models, model syncs (Reverse ETL), bulk syncs (ELT), executions and more, as typed objects that pipe into each other.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('PolytomicPS.Format.ps1xml')
    TypesToProcess       = @('PolytomicPS.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Polytomic'
        'Disable-PolytomicWebhook'
        'Disconnect-Polytomic'
        'Enable-PolytomicWebhook'
        'Get-PolytomicConnection'
        'Get-PolytomicConnectionParameterValue'
        'Get-PolytomicConnectionType'
        'Get-PolytomicEnrichmentInputField'
        'Get-PolytomicEnrichmentSource'
        'Get-PolytomicEntity'
        'Get-PolytomicErrorSubscriber'
        'Get-PolytomicIdentity'
        'Get-PolytomicOrganization'
        'Get-PolytomicPolicy'
        'Get-PolytomicProxyInfo'
        'Get-PolytomicRole'
        'Get-PolytomicSchemaStatus'
        'Get-PolytomicSession'
        'Get-PolytomicSharedConnection'
        'Get-PolytomicTargetProperty'
        'Get-PolytomicUser'
        'Get-PolytomicWebhook'
        'Invoke-PolytomicProxy'
        'Invoke-PolytomicQuery'
        'Invoke-PolytomicRequest'
        'New-PolytomicApiKey'
        'New-PolytomicConnection'
        'New-PolytomicConnectUrl'
        'New-PolytomicOrganization'
        'New-PolytomicPolicy'
        'New-PolytomicRole'
        'New-PolytomicSharedConnection'
        'New-PolytomicUser'
        'New-PolytomicWebhook'
        'Remove-PolytomicConnection'
        'Remove-PolytomicOrganization'
        'Remove-PolytomicPolicy'
        'Remove-PolytomicRole'
        'Remove-PolytomicSchemaField'
        'Remove-PolytomicUser'
        'Remove-PolytomicWebhook'
        'Reset-PolytomicPrimaryKey'
        'Set-PolytomicConnection'
        'Set-PolytomicErrorSubscriber'
        'Set-PolytomicOrganization'
        'Set-PolytomicPolicy'
        'Set-PolytomicPrimaryKey'
        'Set-PolytomicRole'
        'Set-PolytomicSchemaField'
        'Set-PolytomicUser'
        'Set-PolytomicWebhook'
        'Test-PolytomicConnection'
        'Update-PolytomicSchema'
        'Wait-PolytomicConnection'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Polytomic', 'ETL', 'ReverseETL', 'ELT', 'DataIntegration', 'API', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/polytomicps/PolytomicPS'
            LicenseUri   = 'https://github.com/polytomicps/PolytomicPS/blob/main/LICENSE'
            ReleaseNotes = 'Connections, sessions and the HTTP core (retries, idempotency, error records).'
        }
    }
}
