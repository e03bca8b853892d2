<#
    Run by the bench (RealPwsh.cs) in real pwsh: per-call and list figures against a sandbox in another process.
    Every round runs each path right beside a raw run of its own, which goes first alternating, and the paths' order
    rotates from round to round. Prints one JSON line: for each path, its times and its raw partner's times (ms).
#>
param(
    [Parameter(Mandatory)][string]$Module,
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$ApiKey,
    [Parameter(Mandatory)][string]$Id,
    [int]$Calls = 300,
    [int]$Warm = 5,
    [int]$Rounds = 15,
    # Only these paths (and their raw partners), e.g. module,list for a before/after comparison (bench/Compare.cs).
    [string[]]$Include
)
$ErrorActionPreference = 'Stop'
Import-Module $Module
$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl
$N = $Calls
$base = $BaseUrl.TrimEnd('/')
$headers = @{ Authorization = "Bearer $ApiKey"; 'X-Polytomic-Version' = (Get-PolytomicSession).ApiVersion }

# What a script without the module does: one HttpClient and System.Text.Json, driven from the same loop.
$http = [System.Net.Http.HttpClient]::new()
$http.BaseAddress = [uri]$base
foreach ($h in $headers.GetEnumerator()) { $http.DefaultRequestHeaders.Add($h.Key, $h.Value) }

# The floor for any module of compiled cmdlets: the barest binary cmdlet making the raw call (PowerShell's cost of one
# command around the same HttpClient call and parse).
Add-Type -ReferencedAssemblies ([psobject].Assembly.Location), System.Net.Http, System.Text.Json, System.Runtime, System.Net.Primitives, System.Memory -TypeDefinition @'
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
[Cmdlet("Test", "BenchRawCall")]
public sealed class TestBenchRawCallCommand : PSCmdlet
{
    public static HttpClient Http;
    [Parameter(Mandatory = true)] public string Id { get; set; }
    protected override void ProcessRecord()
    {
        using (var r = Http.GetAsync("/api/connections/" + Id).GetAwaiter().GetResult())
        using (var d = JsonDocument.Parse(r.Content.ReadAsStringAsync().GetAwaiter().GetResult()))
            WriteObject(d.RootElement.GetProperty("data").GetProperty("name").GetString());
    }
}
'@
Import-Module -Assembly ([TestBenchRawCallCommand].Assembly)
[TestBenchRawCallCommand]::Http = $http

# Yardsticks that split the module's time: its typed client (internal; reached by reflection here only) called from
# the same loop, without a cmdlet around it.
# Another build of the module (bench --compare) may not have this internal property; only the typed paths need it.
$session = Get-PolytomicSession
$clientProperty = $session.GetType().GetProperty('Client', [System.Reflection.BindingFlags]'NonPublic,Instance')
$client = if ($clientProperty) { $clientProperty.GetValue($session) }
$none = [System.Threading.CancellationToken]::None

$paths = [ordered]@{
    # One call per command, as a runbook's loop makes them.
    module = {
        foreach ($i in 1..$N) { $null = Get-PolytomicConnection -Id $Id }
    }
    typed = {
        foreach ($i in 1..$N) { $null = $client.GetConnectionAsync($Id, $none).GetAwaiter().GetResult() }
    }
    floor = {
        foreach ($i in 1..$N) { $null = Test-BenchRawCall -Id $Id }
    }
    irm = {
        foreach ($i in 1..$N) { $null = (Invoke-RestMethod -Uri "$base/api/connections/$Id" -Headers $headers).data.name }
    }
    # The whole list (one response of every connection), each item into the pipeline.
    list = {
        Get-PolytomicConnection | Out-Null
    }
    listTyped = {
        $client.ListConnectionsAsync($none).GetAwaiter().GetResult() | Out-Null
    }
    irmList = {
        (Invoke-RestMethod -Uri "$base/api/connections" -Headers $headers).data | Out-Null
    }
}
$raw = @{
    module = {
        foreach ($i in 1..$N) {
            $r = $http.GetAsync("/api/connections/$Id").GetAwaiter().GetResult()
            $d = [System.Text.Json.JsonDocument]::Parse($r.Content.ReadAsStringAsync().GetAwaiter().GetResult())
            $null = $d.RootElement.GetProperty('data').GetProperty('name').GetString()
            $d.Dispose(); $r.Dispose()
        }
    }
    list = {
        $r = $http.GetAsync('/api/connections').GetAwaiter().GetResult()
        $d = [System.Text.Json.JsonDocument]::Parse($r.Content.ReadAsStringAsync().GetAwaiter().GetResult())
        $d.RootElement.GetProperty('data').EnumerateArray() | Out-Null
        $d.Dispose(); $r.Dispose()
    }
}
$raw.irm = $raw.module
$raw.floor = $raw.module
$raw.typed = $raw.module
$raw.listTyped = $raw.list
$raw.irmList = $raw.list

function Measure-Block([scriptblock]$Block) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    & $Block
    $clock.Elapsed.TotalMilliseconds
}

# pwsh -File passes 'module,list' as one string.
$Include = @($Include | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$names = @($paths.Keys | Where-Object { $Include.Count -eq 0 -or $_ -in $Include })
if ($names.Count -eq 0) { throw "no known path in -Include: $($Include -join ', ')" }
$times = @{}; $beside = @{}
foreach ($name in $names) { $times[$name] = [System.Collections.Generic.List[double]]::new(); $beside[$name] = [System.Collections.Generic.List[double]]::new() }
for ($round = 0; $round -lt $Warm + $Rounds; $round++) {
    for ($k = 0; $k -lt $names.Count; $k++) {
        $name = $names[($k + $round) % $names.Count]
        $rawFirst = (($round + $k) % 2) -eq 0
        if ($rawFirst) { $r = Measure-Block $raw[$name]; $p = Measure-Block $paths[$name] }
        else { $p = Measure-Block $paths[$name]; $r = Measure-Block $raw[$name] }
        if ($round -ge $Warm) { $times[$name].Add($p); $beside[$name].Add($r) }
    }
}
# Time to the first object of the list: the pipeline stops after it.
$first = [System.Collections.Generic.List[double]]::new()
for ($round = 0; $round -lt $Rounds; $round++) { $first.Add((Measure-Block { Get-PolytomicConnection | Select-Object -First 1 | Out-Null })) }
$http.Dispose()
'FIGURES ' + (@{ times = $times; raw = $beside; first = @{ list = $first } } | ConvertTo-Json -Compress -Depth 4)
