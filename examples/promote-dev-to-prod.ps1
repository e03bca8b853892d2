# Workspace as code: export a dev organization to a folder of JSON files (review it in git), compare it with
# production, and promote it: connections, models, syncs and bulk syncs, created or updated by name.
#   dotnet run --project src/PolytomicPS.Host -- --sandbox examples/promote-dev-to-prod.ps1
# Against Polytomic: POLYTOMIC_API_KEY is the dev key; give the production key as -ProdApiKey (a SecureString) and the
# production secrets as -Secret @{ 'Warehouse.password' = (Read-Host -AsSecureString) }. Without -Apply the script
# only shows the plan. Without -ProdApiKey, "production" is the dev organization itself (the plan is then all NoChange).
[CmdletBinding()]
param(
    [string]$ApiVersion = '2024-02-08',
    [string]$Path = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'polytomic-workspace'),
    [securestring]$ProdApiKey,
    [uri]$ProdBaseUrl,
    [hashtable]$Secret = @{},
    [hashtable]$ConnectionMap = @{},
    [switch]$Apply
)

$dev = Connect-Polytomic -ApiVersion $ApiVersion
$prod = if ($ProdApiKey) {
    $prodArgs = @{ ApiKey = $ProdApiKey; ApiVersion = $ApiVersion }
    if ($ProdBaseUrl) { $prodArgs.BaseUrl = $ProdBaseUrl }
    Connect-Polytomic @prodArgs -NoDefault   # dev stays the default session
} else { $dev }

# 1. Export dev: one file per object, names instead of ids, secrets as placeholders. Commit the folder to git to
#    review each change as a diff.
Export-PolytomicWorkspace -Session $dev -Path $Path -PassThru | ForEach-Object { $_.FullName.Substring($Path.Length + 1) } | Out-Default

# 2. The plan against production: Create, Update (field by field), NoChange, NeedsSecret.
$plan = Compare-PolytomicWorkspace -Session $prod -Path $Path -Secret $Secret -ConnectionMap $ConnectionMap
$plan | Out-Default
$needs = $plan | Where-Object Action -EQ NeedsSecret
if ($needs) {
    $PSCmdlet.WriteWarning("Give these secrets with -Secret: " + (@($needs.MissingSecrets) -join ', '))
    return
}

# 3. Promote: dependency order, idempotent (running it again writes nothing). -WhatIf unless -Apply.
Import-PolytomicWorkspace -Session $prod -Path $Path -Secret $Secret -ConnectionMap $ConnectionMap -WhatIf:(-not $Apply) |
    Where-Object Action -NE NoChange | Out-Default
