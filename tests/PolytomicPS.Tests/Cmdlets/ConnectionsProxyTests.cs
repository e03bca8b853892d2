using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>-Proxy sends every call through the given HTTP proxy (a tiny forwarding proxy on loopback here).</summary>
    public sealed class ConnectionsProxyTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ConnectionsProxyTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Fact]
        public async Task Calls_go_through_the_proxy_given_to_Connect()
        {
            using var proxy = new ForwardingProxy();
            var r = Ps.Run("$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -Proxy $P\nGet-PolytomicConnectionType -Name stripe", sandbox, connect: false,
                variables: new Dictionary<string, object?> { ["P"] = proxy.Url });
            r.AssertSuccess();
            Assert.Equal("stripe", r.Single<PolytomicConnectionType>().Id);
            await Task.Delay(50);
            Assert.Contains(proxy.Seen, line => line.StartsWith("GET " + sandbox.Server.BaseUrl + "api/connection_types", StringComparison.Ordinal));
        }

        [Fact]
        public void A_proxy_credential_without_a_proxy_is_refused()
        {
            var r = Ps.Run("Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ProxyCredential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 'p').SecurePassword))", sandbox, connect: false);
            Assert.StartsWith("ProxyCredentialWithoutProxy,", r.SingleError().FullyQualifiedErrorId);
        }

        /// <summary>An HTTP/1.1 forward proxy for plain-http absolute-form requests, one connection per request.</summary>
        private sealed class ForwardingProxy : IDisposable
        {
            private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly CancellationTokenSource stop = new CancellationTokenSource();
            public readonly System.Collections.Concurrent.ConcurrentQueue<string> Seen = new System.Collections.Concurrent.ConcurrentQueue<string>();

            public ForwardingProxy()
            {
                listener.Start();
                _ = Task.Run(AcceptLoop);
            }

            public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

            private async Task AcceptLoop()
            {
                while (!stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try { client = await listener.AcceptTcpClientAsync(stop.Token); } catch (Exception) { return; }
                    _ = Task.Run(() => Serve(client));
                }
            }

            private async Task Serve(TcpClient client)
            {
                using (client)
                {
                    var stream = client.GetStream();
                    while (true)
                    {
                        // Read the request head, forward it to the origin with HttpClient, write the answer back.
                        var head = await ReadHead(stream);
                        if (head == null) return;
                        var lines = head.Split("\r\n");
                        Seen.Enqueue(lines[0]);
                        var parts = lines[0].Split(' ');
                        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
                        int length = 0;
                        foreach (var h in lines.Skip(1).Where(l => l.Length > 0))
                        {
                            var i = h.IndexOf(':');
                            var (name, value) = (h.Substring(0, i), h.Substring(i + 1).Trim());
                            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(value);
                            else if (!name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                                     && !name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                                request.Headers.TryAddWithoutValidation(name, value);
                        }
                        if (length > 0)
                        {
                            var body = new byte[length];
                            await stream.ReadExactlyAsync(body);
                            request.Content = new ByteArrayContent(body);
                        }
                        using var http = new HttpClient();
                        using var response = await http.SendAsync(request);
                        var payload = await response.Content.ReadAsByteArrayAsync();
                        var answer = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\n\r\n";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
                        await stream.WriteAsync(payload);
                    }
                }
            }

            private static async Task<string?> ReadHead(NetworkStream stream)
            {
                var sb = new StringBuilder();
                var one = new byte[1];
                while (!sb.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await stream.ReadAsync(one) == 0) return null;
                    sb.Append((char)one[0]);
                }
                return sb.ToString();
            }

            public void Dispose() { stop.Cancel(); listener.Stop(); }
        }
    }
}
