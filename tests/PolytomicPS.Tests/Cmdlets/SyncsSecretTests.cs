using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>A sync's encryption passphrase is held as a SecureString: never shown, still kept by Set's PUT.</summary>
    public sealed class SyncsSecretTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public SyncsSecretTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Fact]
        public void The_passphrase_never_shows_and_survives_a_read_modify_write()
        {
            const string passphrase = "Sync-Passphrase-8472";
            var made = Ps.Run(@"
                $sf = New-PolytomicConnection -Name 'Secret SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
                $crm = New-PolytomicConnection -Name 'Secret CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
                $null = $sf, $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
                $sf | New-PolytomicModel -Name 'Secret model' -Query 'SELECT email, first_name FROM users' |
                    New-PolytomicSync -Name 'Secret sync' -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } `
                        -IdentityFunction Equality -Field @{ first_name = 'FirstName' } -Frequency manual", sandbox);
            made.AssertSuccess();
            var id = made.Single<PolytomicSync>().Id;
            // Give the stored sync a passphrase, as one set in Polytomic's UI would be.
            sandbox.State.Store("syncs").Get(id)!["encryption_passphrase"] = passphrase;
            if (sandbox.State.Store("syncs").Get(id)!["_body"] is System.Text.Json.Nodes.JsonObject body) body["encryption_passphrase"] = passphrase;

            var r = Ps.Run($"Get-PolytomicSync -Id '{id}' | Set-PolytomicSync -NewName 'Secret sync 2' -PassThru", sandbox, secrets: new[] { passphrase });
            r.AssertSuccess();
            Assert.IsType<System.Security.SecureString>(r.Single<PolytomicSync>().EncryptionPassphrase);
            var put = sandbox.State.Requests.Last(x => x.Method == "PUT" && x.Path == "/api/syncs/" + id).Json!;
            Assert.Equal(passphrase, (string?)put["encryption_passphrase"]);
        }
    }
}
