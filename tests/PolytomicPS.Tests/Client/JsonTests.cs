using System.Text.Json;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Tests.Client
{
    /// <summary>Free-form JSON (configurations) read as the plain values PowerShell shows well.</summary>
    public sealed class JsonTests
    {
        [Fact]
        public void A_configuration_reads_as_plain_case_insensitive_values()
        {
            var c = JsonSerializer.Deserialize<PolytomicConnection>(@"{""id"":""x"",""configuration"":{
                ""account"":""acme"",""port"":5432,""ratio"":0.5,""ssl"":true,""old"":false,""none"":null,
                ""tags"":[""a"",1,[2]],""tunnel"":{""Host"":""h"",""nested"":{""deep"":[{""k"":1}]}}}}", PolytomicJson.Options)!;
            var cfg = c.Configuration;
            Assert.Equal("acme", cfg["ACCOUNT"]);
            Assert.Equal(5432L, cfg["port"]);
            Assert.Equal(0.5, cfg["ratio"]);
            Assert.Equal(true, cfg["ssl"]);
            Assert.Equal(false, cfg["old"]);
            Assert.Null(cfg["none"]);
            var tags = Assert.IsType<List<object?>>(cfg["tags"]);
            Assert.Equal("a", tags[0]);
            Assert.Equal(1L, tags[1]);
            Assert.Equal(new List<object?> { 2L }, tags[2]);
            var tunnel = Assert.IsType<Dictionary<string, object?>>(cfg["tunnel"]);
            Assert.Equal("h", tunnel["host"]);
            var deep = (List<object?>)((Dictionary<string, object?>)tunnel["nested"]!)["deep"]!;
            Assert.Equal(1L, ((Dictionary<string, object?>)deep[0]!)["K"]);
        }

        [Fact]
        public void Error_metadata_elements_read_the_same_way()
        {
            using var doc = JsonDocument.Parse(@"{""Field"":""email"",""limit"":3,""ratio"":1.5,""list"":[true,null],""inner"":{""K"":""v""}}");
            var plain = Assert.IsType<Dictionary<string, object?>>(PolytomicJson.ToPlain(doc.RootElement));
            Assert.Equal("email", plain["field"]);
            Assert.Equal(3L, plain["LIMIT"]);
            Assert.Equal(1.5, plain["ratio"]);
            Assert.Equal(new List<object?> { true, null }, plain["list"]);
            Assert.Equal("v", ((Dictionary<string, object?>)plain["inner"]!)["k"]);
            using var scalar = JsonDocument.Parse("null");
            Assert.Null(PolytomicJson.ToPlain(scalar.RootElement));
        }

        [Fact]
        public void An_invalid_user_agent_comment_is_refused_before_any_request()
        {
            Assert.Throws<FormatException>(() => new PolytomicClient(new PolytomicClientOptions
            {
                ApiKey = SecureStrings.FromPlain("k"), BaseUrl = new Uri("https://app.polytomic.com"), UserAgentComment = "bad\r\nX-Injected: 1",
            }));
        }
    }
}
