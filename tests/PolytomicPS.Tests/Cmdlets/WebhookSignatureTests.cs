using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Webhooks;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Event-webhook signatures: the check itself, and real signed deliveries from the sandbox to a loopback
    /// receiver, accepted as sent and refused once tampered with.</summary>
    public sealed class WebhookSignatureTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        private const string Secret = "whsec-5e4d3c2b1a";

        public WebhookSignatureTests(SandboxFixture sandbox)
        {
            this.sandbox = sandbox;
            sandbox.State.SyncRuns.QueuedAfter = TimeSpan.FromMilliseconds(50);
            sandbox.State.SyncRuns.StartsAfter = TimeSpan.FromMilliseconds(100);
            sandbox.State.SyncRuns.RunsFor = TimeSpan.FromMilliseconds(400);
            sandbox.State.BulkSyncRuns.QueuedFor = TimeSpan.FromMilliseconds(100);
            sandbox.State.BulkSyncRuns.RunsFor = TimeSpan.FromMilliseconds(400);
        }

        // RFC 4231 test case 2: HMAC-SHA256 under "Jefe" of "what do ya want for nothing?".
        private const string RfcHex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        private static readonly byte[] RfcKey = Encoding.UTF8.GetBytes("Jefe");
        private static readonly byte[] RfcBody = Encoding.UTF8.GetBytes("what do ya want for nothing?");

        [Fact]
        public void The_signature_is_hmac_sha256_of_the_body_in_hex_and_is_checked_exactly()
        {
            Assert.Equal(RfcHex, WebhookSignature.Compute(RfcBody, RfcKey));
            Assert.True(WebhookSignature.Verify(RfcBody, RfcHex, RfcKey));
            Assert.True(WebhookSignature.Verify(RfcBody, RfcHex.ToUpperInvariant(), RfcKey));
            Assert.True(WebhookSignature.Verify(RfcBody, "sha256=" + RfcHex, RfcKey));
            var base64 = Convert.ToBase64String(Convert.FromHexString(RfcHex));
            Assert.True(WebhookSignature.Verify(RfcBody, base64, RfcKey));
            // Anything else is false, never an exception.
            var tampered = (byte[])RfcBody.Clone(); tampered[0] ^= 1;
            Assert.False(WebhookSignature.Verify(tampered, RfcHex, RfcKey));
            Assert.False(WebhookSignature.Verify(RfcBody, RfcHex, Encoding.UTF8.GetBytes("jefe")));
            Assert.False(WebhookSignature.Verify(RfcBody, RfcHex.Substring(0, 62) + "00", RfcKey));
            Assert.False(WebhookSignature.Verify(RfcBody, RfcHex.Substring(2), RfcKey));
            Assert.False(WebhookSignature.Verify(RfcBody, RfcHex.Replace('5', 'z'), RfcKey));
            Assert.False(WebhookSignature.Verify(RfcBody, "", RfcKey));
            Assert.False(WebhookSignature.Verify(RfcBody, null, RfcKey));
            Assert.False(WebhookSignature.Verify(RfcBody, "sha1=" + RfcHex, RfcKey));
        }

        [Fact]
        public void The_cmdlet_takes_text_or_bytes_and_a_string_or_secure_secret_and_never_shows_the_secret()
        {
            var r = Ps.Run($@"
                $body = 'what do ya want for nothing?'
                Test-PolytomicWebhookSignature -Body $body -Signature '{RfcHex}' -Secret 'Jefe'
                Test-PolytomicWebhookSignature -Body ([Text.Encoding]::UTF8.GetBytes($body)) -Signature '{RfcHex}' -Secret ([System.Net.NetworkCredential]::new('', 'Jefe').SecurePassword)
                Test-PolytomicWebhookSignature -Body ($body + ' ') -Signature '{RfcHex}' -Secret 'Jefe'
                Test-PolytomicWebhookSignature -Body $body -Signature '' -Secret 'Jefe'
                Test-PolytomicWebhookSignature -Body 42 -Signature '{RfcHex}' -Secret 'Jefe'", secrets: new[] { "Jefe" });
            Assert.Equal(new[] { true, true, false, false }, r.All<bool>());
            var e = r.SingleError();
            Assert.Equal("InvalidWebhookBody,PolytomicPS.Commands.TestPolytomicWebhookSignatureCommand", e.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void The_sandbox_delivers_signed_sync_events_that_verify_and_a_tampered_copy_does_not(string version)
        {
            using var receiver = new Receiver(failFirst: true);
            var r = Ps.Run(ModelSyncSetup.Setup + $@"
                $sync = $model | New-PolytomicSync -Name '{ModelSyncSetup.Unique("hooked")}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency manual
                $hook = New-PolytomicWebhook -Endpoint '{receiver.Url}' -Secret '{Secret}'
                $run = Start-PolytomicSync -Id $sync.Id
                $bulk = New-PolytomicBulkSync -Name '{ModelSyncSetup.Unique("hooked-bulk")}' -Source $crm -Destination $sf -Mode replicate -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account
                (Start-PolytomicBulkSync -Id $bulk.Id).Id
                $run.Id", sandbox, version, secrets: new[] { Secret });
            r.AssertSuccess();
            var executionId = r.Output.Last().BaseObject.ToString();
            var bulkExecutionId = r.Output[r.Output.Count - 2].BaseObject.ToString();
            try
            {
                var mine = receiver.WaitFor(d => d.Json?["type"]?.ToString() == "sync.completed" && d.Json?["event"]?["execution_id"]?.ToString() == executionId,
                    TimeSpan.FromSeconds(30));
                Assert.NotNull(mine);
                // sync.running went first and was answered 500; its retry comes after a back-off.
                Assert.NotNull(receiver.WaitFor(d => d.Json?["type"]?.ToString() == "sync.running" && d.Json?["event"]?["execution_id"]?.ToString() == executionId,
                    TimeSpan.FromSeconds(30)));
                var running = Assert.Single(receiver.Accepted, d => d.Json?["type"]?.ToString() == "sync.running" && d.Json?["event"]?["execution_id"]?.ToString() == executionId);
                Assert.Equal(running.Body, receiver.All[0].Body);
                // The first delivery was answered 500 and came again; once accepted, an event is never sent again.
                Assert.Equal(2, receiver.All.Count(d => d.Body == receiver.All[0].Body));
                Assert.Equal(receiver.Accepted.Count, receiver.Accepted.Select(d => d.Body).Distinct().Count());

                var check = Ps.Run($@"
                    Test-PolytomicWebhookSignature -Body $Body -Signature $Signature -Secret '{Secret}'
                    Test-PolytomicWebhookSignature -Body ($Body -replace 'completed', 'failed') -Signature $Signature -Secret '{Secret}'
                    Test-PolytomicWebhookSignature -Body $Body -Signature $Signature -Secret 'another-secret'
                    Test-PolytomicWebhookSignature -Body $Raw -Signature $RunningSignature -Secret '{Secret}'",
                    variables: new Dictionary<string, object?>
                    {
                        ["Body"] = mine!.Body, ["Signature"] = mine.Signature, ["Raw"] = Encoding.UTF8.GetBytes(running.Body), ["RunningSignature"] = running.Signature,
                    }, secrets: new[] { Secret });
                Assert.Equal(new[] { true, false, false, true }, check.All<bool>());
                Assert.Equal(WebhookSignature.Compute(Encoding.UTF8.GetBytes(mine.Body), Encoding.UTF8.GetBytes(Secret)), mine.Signature);
                // Bulk runs are delivered too, signed the same way.
                var bulk = receiver.WaitFor(d => d.Json?["type"]?.ToString() == "bulk_sync.completed" && d.Json?["event"]?["execution_id"]?.ToString() == bulkExecutionId,
                    TimeSpan.FromSeconds(30));
                Assert.NotNull(bulk);
                Assert.True(WebhookSignature.Verify(Encoding.UTF8.GetBytes(bulk!.Body), bulk.Signature, Encoding.UTF8.GetBytes(Secret)));
                Assert.Contains(receiver.Accepted, d => d.Json?["type"]?.ToString() == "bulk_sync.running" && d.Json?["event"]?["execution_id"]?.ToString() == bulkExecutionId);
            }
            finally
            {
                Ps.Run("Get-PolytomicWebhook | Remove-PolytomicWebhook -Force", sandbox).AssertSuccess();
            }
        }

        [Fact]
        public void Nothing_is_delivered_to_an_endpoint_off_the_machine()
        {
            using var receiver = new Receiver(failFirst: false);
            var r = Ps.Run(ModelSyncSetup.Setup + $@"
                $sync = $model | New-PolytomicSync -Name '{ModelSyncSetup.Unique("offbox")}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency manual
                $hook = New-PolytomicWebhook -Endpoint 'http://hooks.example.invalid/polytomic' -Secret '{Secret}'
                $null = Start-PolytomicSync -Id $sync.Id -Wait -TimeoutSeconds 20
                Get-PolytomicWebhook | Remove-PolytomicWebhook -Force", sandbox, secrets: new[] { Secret });
            r.AssertSuccess();
            Thread.Sleep(600);
            Assert.Equal(0, sandbox.Server.Deliveries.Delivered);
        }

        internal sealed record Delivery(string Body, string? Signature, int Status)
        {
            public JsonNode? Json => JsonNode.Parse(Body);
        }

        /// <summary>A loopback HttpListener on a free port that records each delivery (and can answer the first 500).</summary>
        internal sealed class Receiver : IDisposable
        {
            private readonly HttpListener listener = new HttpListener();
            private readonly ConcurrentQueue<Delivery> got = new ConcurrentQueue<Delivery>();
            private readonly Task loop;
            private bool failFirst;

            public Receiver(bool failFirst)
            {
                this.failFirst = failFirst;
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                Url = $"http://127.0.0.1:{port}/hook/";
                listener.Prefixes.Add(Url);
                listener.Start();
                loop = Task.Run(async () =>
                {
                    while (listener.IsListening)
                    {
                        HttpListenerContext ctx;
                        try { ctx = await listener.GetContextAsync(); } catch (Exception) { break; }
                        using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                        var body = await reader.ReadToEndAsync();
                        var status = this.failFirst ? 500 : 200;
                        this.failFirst = false;
                        got.Enqueue(new Delivery(body, ctx.Request.Headers["Polytomic-Signature"], status));
                        ctx.Response.StatusCode = status;
                        ctx.Response.Close();
                    }
                });
            }

            public string Url { get; }
            public List<Delivery> All => got.ToList();
            public List<Delivery> Accepted => got.Where(d => d.Status == 200).ToList();

            public Delivery? WaitFor(Func<Delivery, bool> match, TimeSpan timeout)
            {
                var until = DateTime.UtcNow + timeout;
                while (DateTime.UtcNow < until)
                {
                    var d = got.FirstOrDefault(x => x.Status == 200 && match(x));
                    if (d != null) return d;
                    Thread.Sleep(50);
                }
                return null;
            }

            public void Dispose()
            {
                listener.Stop();
                listener.Close();
                try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            }
        }
    }
}
