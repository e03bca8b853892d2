using System.IO;
using System.Text.Json.Nodes;
using Polytomic.Sandbox.Catalogue;

namespace PolytomicPS.Tests.Sandbox
{
    /// <summary>The sandbox's connection-type catalogue is our own table; this checks it against Polytomic's published
    /// configuration schemas in ../shared, field by field.</summary>
    public sealed class CatalogueTests
    {
        public static IEnumerable<object[]> Types() => ConnectionTypes.All.Select(t => new object[] { t.Id });

        [Theory]
        [MemberData(nameof(Types))]
        public void Fields_required_secret_and_defaults_match_polytomics_schema(string type)
        {
            var file = Path.Combine(Repo.Shared, "polytomic-api", "fixtures", "connection-type-schemas", type + ".json");
            Assert.True(File.Exists(file), "no schema in ../shared for " + type);
            // Polytomic's salesforce schema repeats a "default" key, which JsonNode refuses: read elements, last wins.
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            var props = doc.RootElement.GetProperty("properties").EnumerateObject().ToList();
            var required = doc.RootElement.TryGetProperty("required", out var req)
                ? req.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : new HashSet<string>();
            var spec = ConnectionTypes.Find(type)!;

            Assert.Equal(props.Select(p => p.Name).OrderBy(x => x), spec.Fields.Select(f => f.Name).OrderBy(x => x));
            foreach (var f in spec.Fields)
            {
                var p = props.Single(x => x.Name == f.Name).Value.EnumerateObject().ToList();
                string? Str(string name) => p.LastOrDefault(x => x.Name == name).Value.ValueKind == System.Text.Json.JsonValueKind.String
                    ? p.Last(x => x.Name == name).Value.GetString() : null;
                Assert.Equal(Str("type"), f.Type);
                Assert.Equal(p.Any(x => x.Name == "sensitive" && x.Value.ValueKind == System.Text.Json.JsonValueKind.True), f.Secret);
                Assert.Equal(required.Contains(f.Name), f.Required);
                var def = p.Where(x => x.Name == "default").Select(x => JsonNode.Parse(x.Value.GetRawText())).LastOrDefault();
                Assert.True(JsonNode.DeepEquals(def, f.Default), $"{type}.{f.Name} default");
            }
        }

        [Fact]
        public void Names_and_oauth_match_polytomics_type_list()
        {
            var list = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Shared, "polytomic-api", "fixtures", "connection-type-schemas", "_connectiontypes_list.json")))!.AsArray();
            foreach (var t in ConnectionTypes.All)
            {
                var entry = list.Single(x => (string?)x!["id"] == t.Id)!;
                Assert.Equal((string?)entry["name"], t.Name);
                Assert.Equal((bool?)entry["use_oauth"], t.UseOAuth);
            }
        }

        [Fact]
        public void Only_oauth_types_leave_required_credentials_to_the_oauth_flow()
        {
            Assert.All(ConnectionTypes.All.SelectMany(t => t.Fields.Where(f => f.OAuthSupplied).Select(f => (t, f))),
                x => { Assert.True(x.t.UseOAuth); Assert.True(x.f.Required); Assert.True(x.f.Secret); });
        }
    }
}
