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
        'Disable-PolytomicBulkSync'
        'Disable-PolytomicSync'
        'Disconnect-Polytomic'
        'Enable-PolytomicBulkSync'
        'Enable-PolytomicSync'
        'Get-PolytomicBulkDestination'
        'Get-PolytomicBulkSchedule'
        'Get-PolytomicBulkSchema'
        'Get-PolytomicBulkSource'
        'Get-PolytomicBulkSync'
        'Get-PolytomicBulkSyncExecution'
        'Get-PolytomicBulkSyncLog'
        'Get-PolytomicBulkSyncStatus'
        'Get-PolytomicConnection'
        'Get-PolytomicConnectionType'
        'Get-PolytomicConsoleLog'
        'Get-PolytomicEvent'
        'Get-PolytomicEventType'
        'Get-PolytomicJob'
        'Get-PolytomicModel'
        'Get-PolytomicModelSample'
        'Get-PolytomicScheduleOption'
        'Get-PolytomicSchemaStatus'
        'Get-PolytomicSession'
        'Get-PolytomicSource'
        'Get-PolytomicSourceField'
        'Get-PolytomicSync'
        'Get-PolytomicSyncExecution'
        'Get-PolytomicSyncLog'
        'Get-PolytomicSyncStatus'
        'Get-PolytomicTarget'
        'Get-PolytomicTargetField'
        'New-PolytomicBulkSchedule'
        'New-PolytomicBulkSync'
        'New-PolytomicConnection'
        'New-PolytomicModel'
        'New-PolytomicSync'
        'Remove-PolytomicBulkSchedule'
        'Remove-PolytomicBulkSync'
        'Remove-PolytomicConnection'
        'Remove-PolytomicModel'
        'Remove-PolytomicSync'
        'Set-PolytomicBulkSchedule'
        'Set-PolytomicBulkSchema'
        'Set-PolytomicBulkSync'
        'Set-PolytomicConnection'
        'Set-PolytomicModel'
        'Set-PolytomicSync'
        'Set-PolytomicSyncExecution'
        'Start-PolytomicBulkSync'
        'Start-PolytomicSync'
        'Stop-PolytomicBulkSync'
        'Stop-PolytomicSync'
        'Test-PolytomicConnection'
        'Update-PolytomicSchema'
        'Wait-PolytomicConnection'
        'Wait-PolytomicJob'
        'Wait-PolytomicSyncExecution'
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
