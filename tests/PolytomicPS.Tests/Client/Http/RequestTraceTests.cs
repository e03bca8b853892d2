using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>The read-only guard and the request trace of the choke point, over real HTTP against the sandbox.</summary>
    public sealed class RequestTraceTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public RequestTraceTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private PolytomicClient Client(bool readOnly = false, RequestTrace? trace = null) => new PolytomicClient(new PolytomicClientOptions
        {
            ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl, MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10), ReadOnly = readOnly, Trace = trace,
        });

        [Theory]
        [InlineData("GET", "/api/connections", true)]
        [InlineData("HEAD", "/api/connections", true)]
        [InlineData("POST", "/api/connections/248df4b7-aa70-47b8-a036-33ac447e668d/query", true)]
        [InlineData("POST", "/api/connection_types/postgresql/parameter_values", true)]
        [InlineData("POST", "/api/model-preview", true)]
        [InlineData("POST", "/api/connections/test", true)]
        [InlineData("POST", "/api/connections", false)]
        [InlineData("POST", "/api/connections/248df4b7-aa70-47b8-a036-33ac447e668d/schemas/refresh", false)]
        [InlineData("POST", "/api/connections/248df4b7-aa70-47b8-a036-33ac447e668d/proxy", false)]
        [InlineData("POST", "/api/connections//query", false)]
        [InlineData("POST", "/api/connections/x/query/more", false)]
        [InlineData("PUT", "/api/connections/248df4b7-aa70-47b8-a036-33ac447e668d", false)]
        [InlineData("PATCH", "/api/syncs/248df4b7-aa70-47b8-a036-33ac447e668d", false)]
        [InlineData("DELETE", "/api/models/248df4b7-aa70-47b8-a036-33ac447e668d", false)]
        public void The_read_only_allow_list_takes_reads_and_the_posts_that_only_read(string method, string path, bool allowed) =>
            Assert.Equal(allowed, ReadOnlyRoutes.Allows(method, path));

        [Fact]
        public async Task A_read_only_client_sends_reads_and_refuses_every_change_before_sending()
        {
            using var client = Client(readOnly: true);
            var before = sandbox.State.Requests.Count;
            await client.SendAsync(HttpMethod.Get, "/api/connections");
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, PolytomicClient.PatchMethod })
            {
                var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.SendAsync(method, "/api/connections", body: new { name = "x" }));
                Assert.Equal(PolytomicErrorKind.ReadOnly, ex.Kind);
                Assert.Contains(method.Method + " /api/connections", ex.Message);
            }
            var sent = sandbox.State.Requests.Skip(before).ToList();
            Assert.Single(sent);
            Assert.Equal("GET", sent[0].Method);
            var refused = client.Trace.Recent().Where(r => r.Attempt == 0).ToList();
            Assert.Equal(4, refused.Count);
            Assert.All(refused, r => Assert.Null(r.Status));
        }

        [Fact]
        public void The_ring_keeps_the_last_attempts_oldest_first()
        {
            var trace = new RequestTrace(capacity: 3);
            var builder = new RequestBuilder(new PolytomicClientOptions { ApiKey = SecureStrings.FromPlain("k"), BaseUrl = new Uri("http://127.0.0.1:1") });
            for (int i = 1; i <= 5; i++)
                trace.Record(builder.Prepare(HttpMethod.Get, "/api/item" + i, null, null, null, null), 1, 200, TimeSpan.FromMilliseconds(i), null);
            Assert.Equal(new[] { "/api/item3", "/api/item4", "/api/item5" }, trace.Recent().Select(r => r.Path));
            Assert.Equal(new[] { "/api/item4", "/api/item5" }, trace.Recent(2).Select(r => r.Path));
            Assert.Empty(trace.Recent(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RequestTrace(capacity: 0));
        }

        [Fact]
        public async Task The_trace_file_has_one_line_per_attempt_and_never_the_key_a_password_or_the_Authorization_header()
        {
            var file = Path.Combine(Path.GetTempPath(), "h6-trace-" + Guid.NewGuid().ToString("N") + ".jsonl");
            try
            {
                var trace = new RequestTrace(file, bodies: true) { ErrorIdOf = (status, ex) => status == null ? "none" : "E" + status };
                using var client = Client(trace: trace);
                sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Status, Status = 503, Count = 1, Method = "POST", PathPrefix = "/api/connections" });
                var name = "trace-" + Guid.NewGuid();
                var created = await client.SendAsync(HttpMethod.Post, "/api/connections", body: new Dictionary<string, object?>
                {
                    ["name"] = name, ["type"] = "stripe",
                    ["configuration"] = new Dictionary<string, object?> { ["api_key"] = "Very-Secret-Pw-1" },
                });
                var lines = File.ReadAllLines(file);
                Assert.Equal(2, lines.Length);
                var text = File.ReadAllText(file);
                Assert.DoesNotContain(SandboxFixture.ApiKey, text);
                Assert.DoesNotContain("Very-Secret-Pw-1", text);
                Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Bearer", text);
                using var first = JsonDocument.Parse(lines[0]);
                using var second = JsonDocument.Parse(lines[1]);
                Assert.Equal(503, first.RootElement.GetProperty("status").GetInt32());
                Assert.Equal("E503", first.RootElement.GetProperty("errorId").GetString());
                Assert.Equal(1, first.RootElement.GetProperty("attempt").GetInt32());
                Assert.Equal(2, second.RootElement.GetProperty("attempt").GetInt32());
                Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("errorId").ValueKind);
                var key = first.RootElement.GetProperty("idempotencyKey").GetString();
                Assert.False(string.IsNullOrEmpty(key));
                Assert.Equal(key, second.RootElement.GetProperty("idempotencyKey").GetString());
                // Without the type's schema every configuration value is masked, the name is not.
                var body = first.RootElement.GetProperty("body").GetString()!;
                Assert.Contains(name, body);
                Assert.Contains("\"api_key\":\"********\"", body);
                Assert.Equal(2, client.Trace.Recent().Count);
            }
            finally { File.Delete(file); }
        }

        [Fact]
        public void Each_client_and_so_each_session_and_organization_is_paced_on_its_own()
        {
            using var a = Client();
            using var b = Client();
            var field = typeof(PolytomicClient).GetField("pacer", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
            var pacerA = (RatePacer)field.GetValue(a)!;
            var pacerB = (RatePacer)field.GetValue(b)!;
            Assert.NotSame(pacerA, pacerB);
            // A sub-second wait spaces every call of its own session at once, and no call of the other.
            pacerA.OnRateLimited(TimeSpan.FromMilliseconds(400));
            pacerA.Reserve();
            Assert.True(pacerA.Reserve() > TimeSpan.Zero);
            Assert.Equal(TimeSpan.Zero, pacerB.Reserve());
        }

        [Fact]
        public void Masking_follows_the_types_secret_fields_and_names_that_say_secret()
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
            {
                ["name"] = "Warehouse", ["type"] = "postgresql",
                ["configuration"] = new Dictionary<string, object?>
                {
                    ["hostname"] = "db.example.com", ["pass_phrase_field"] = "S3cret-A", ["ssh"] = new Dictionary<string, object?> { ["private_key"] = "S3cret-B" },
                },
                ["encryption_passphrase"] = "S3cret-C",
                ["fields"] = new[] { new Dictionary<string, object?> { ["token"] = "S3cret-D", ["target"] = "email" } },
            });
            var known = TraceMask.Mask(body, type => type == "postgresql" ? new HashSet<string> { "pass_phrase_field" } : null);
            foreach (var secret in new[] { "S3cret-A", "S3cret-B", "S3cret-C", "S3cret-D" }) Assert.DoesNotContain(secret, known);
            Assert.Contains("db.example.com", known);
            Assert.Contains("\"target\":\"email\"", known);
            var unknown = TraceMask.Mask(body, _ => null);
            Assert.DoesNotContain("db.example.com", unknown);
            Assert.Contains("\"name\":\"Warehouse\"", unknown);
            Assert.DoesNotContain("S3cret", TraceMask.Mask(System.Text.Encoding.UTF8.GetBytes("password=S3cret-E"), null));
        }
    }
}
