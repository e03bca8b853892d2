using System.IO;
using System.Management.Automation;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Profiles (the file, its folder, the key sources), the read-only guard as cmdlets meet it, and the request
    /// history, through the module against the sandbox. The profile tests share POLYTOMICPS_HOME (process-wide), so they
    /// live in this one class, whose tests xunit runs one at a time.</summary>
    public sealed class SessionOperatorsTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly SandboxFixture sandbox;
        private readonly string home = Path.Combine(Path.GetTempPath(), "h6-profiles-" + Guid.NewGuid().ToString("N"));
        private readonly string? savedHome = Environment.GetEnvironmentVariable("POLYTOMICPS_HOME");

        public SessionOperatorsTests(SandboxFixture sandbox)
        {
            this.sandbox = sandbox;
            Directory.CreateDirectory(home);
            Environment.SetEnvironmentVariable("POLYTOMICPS_HOME", home);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("POLYTOMICPS_HOME", savedHome);
            Directory.Delete(home, true);
        }

        private const string StandIns = @"
function Get-Secret { [CmdletBinding()] param([Parameter(Mandatory, Position = 0)][string]$Name, [string]$Vault, [switch]$AsPlainText)
    [System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword }
function Get-AutomationPSCredential { param([string]$Name) [pscredential]::new('ignored', [System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword) }
";

        [Theory]
        [InlineData("/custom/home", false, "/custom/home")]
        [InlineData(null, true, "C:\\Users\\ana\\AppData\\Roaming|PolytomicPS")]
        [InlineData(null, false, "/xdg|PolytomicPS")]
        public void The_profiles_folder_is_POLYTOMICPS_HOME_else_the_platforms_per_user_folder(string? polytomicHome, bool windows, string expected)
        {
            // Windows PowerShell 5.1 cannot run here: its path is pinned by calling the same code with windows = true.
            var r = Ps.Run(@"
$store = [PolytomicPS.PolytomicProfile].Assembly.GetType('PolytomicPS.ProfileStore')
$env = [Func[string, string]]{ param($n) @{ POLYTOMICPS_HOME = $PolytomicHome; APPDATA = 'C:\Users\ana\AppData\Roaming'; XDG_CONFIG_HOME = '/xdg' }[$n] }
$store.GetMethod('Folder').Invoke($null, @($env, $Windows, '/home/ana'))
", variables: new Dictionary<string, object?> { ["PolytomicHome"] = polytomicHome, ["Windows"] = windows });
            r.AssertSuccess();
            Assert.Equal(Path.Combine(expected.Split('|')), r.Output.Single().BaseObject);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_profile_connects_with_its_key_source_and_the_file_holds_no_key(string version)
        {
            var r = Ps.Run(StandIns + @"
$null = Register-PolytomicProfile -Name prod -SecretName PolytomicProd -BaseUrl $BaseUrl -ApiVersion $ApiVersion -ReadOnly
$null = Register-PolytomicProfile -Name auto -AutomationCredential 'Polytomic' -BaseUrl $BaseUrl -Force
$s = Connect-Polytomic -Profile prod -NoDefault
$s.ProfileName; $s.ApiVersion; $s.ReadOnly
(Get-PolytomicIdentity -Session $s).IsUser
$a = Connect-Polytomic -Profile auto -NoDefault
$a.ReadOnly
@(Get-PolytomicSession -All | Where-Object ProfileName).Count
(Get-PolytomicProfile).Name
", sandbox, version, connect: false, folders: new[] { home });
            r.AssertSuccess();
            Assert.Equal(new object[] { "prod", version, true, true, false, 2, "auto", "prod" }, r.Output.Select(o => o.BaseObject).ToArray());
            var files = Directory.GetFileSystemEntries(home);
            Assert.Equal(new[] { Path.Combine(home, "profiles.json") }, files); // no temporary file left behind
            var text = File.ReadAllText(files[0]);
            Assert.Contains("\"keySource\": \"SecretManagement\"", text);
            Assert.Contains("\"keyName\": \"PolytomicProd\"", text);
        }

        [Fact]
        public void A_profiles_file_that_is_a_link_is_refused_and_its_target_is_left_alone()
        {
            var target = Path.Combine(home, "elsewhere.json");
            File.WriteAllText(target, "{\"profiles\":[]}");
            File.CreateSymbolicLink(Path.Combine(home, "profiles.json"), target);
            var r = Ps.Run("Register-PolytomicProfile -Name p -KeyVariable SOME_KEY");
            var error = r.SingleError();
            Assert.Equal("ProfileFileIsLink", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Equal("{\"profiles\":[]}", File.ReadAllText(target));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_read_only_session_refuses_changes_by_ErrorId_naming_the_cmdlet_and_sends_no_write(string version)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(@"
$ro = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion -ReadOnly
$null = Get-PolytomicConnection
New-PolytomicConnection -Name 'ro' -Type stripe -Configuration @{ api_key = 'sk-Secret-1' } -WhatIf
New-PolytomicConnection -Name 'ro' -Type stripe -Configuration @{ api_key = 'sk-Secret-1' } -ErrorAction Continue
Invoke-PolytomicRequest -Method POST -Path /api/webhooks -Body @{ endpoint = 'https://example.com' } -ErrorAction Continue
(Get-PolytomicRequestHistory -Last 1).ErrorId
", sandbox, version, connect: false, secrets: new[] { "sk-Secret-1" });
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Equal("ReadOnlySession", e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category));
            Assert.Contains("New-PolytomicConnection", r.Errors[0].ToString());
            Assert.Contains("Invoke-PolytomicRequest", r.Errors[1].ToString());
            Assert.Equal("ReadOnlySession", r.Output.Last().BaseObject);
            Assert.All(sandbox.State.Requests.Skip(before), x => Assert.Equal("GET", x.Method));
        }

        [Fact]
        public void The_request_history_returns_the_sessions_recent_attempts_as_objects()
        {
            var r = Ps.Run(@"
$null = Get-PolytomicConnection
$null = Get-PolytomicModel
Get-PolytomicRequestHistory -Last 2
", sandbox);
            r.AssertSuccess();
            var records = r.All<Polytomic.Http.PolytomicRequestRecord>();
            Assert.Equal(new[] { "/api/connections", "/api/models" }, records.Select(x => x.Path));
            Assert.All(records, x => { Assert.Equal(200, x.Status); Assert.Equal(1, x.Attempt); Assert.Null(x.Body); });
        }
    }
}
