using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;
using static PolytomicPS.Tests.Cmdlets.BulkSyncSetup;
using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Set-PolytomicBulkSchema -Filter, -DataCutoff and -DisableDataCutoff: the body sent, what Polytomic keeps,
    /// and the values refused before any request.</summary>
    public sealed class BulkSchemaFilterTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public BulkSchemaFilterTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private string NewSync(string version)
        {
            var (src, dst) = ReadyConnections(sandbox);
            var s = Ps.Run($"New-PolytomicBulkSync -Name '{Unique("bulk")}' -Source '{src}' -Destination '{dst}' -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Contact", sandbox, version);
            s.AssertSuccess();
            return s.Single<PolytomicBulkSync>().Id;
        }

        private List<RecordedRequest> Since(int before) => sandbox.State.Requests.Skip(before).ToList();

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Filters_with_fields_and_functions_in_any_case_go_out_as_Polytomic_spells_them_and_are_kept(string version)
        {
            var sync = NewSync(version);
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"Set-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact -Filter @{{ field = 'email'; function = 'isnotnull' }}, " +
                           "@{ Field = 'LastName'; Function = 'StringStartsWith'; Value = 'A' } " +
                           "-DataCutoff ([datetime]::new(2024, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)) -DisableDataCutoff -PassThru", sandbox, version);
            r.AssertSuccess();
            var put = Assert.Single(Since(before), x => x.Method == "PUT");
            var body = put.Json!.AsObject();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(@"[{""field_id"":""Email"",""function"":""IsNotNull""},{""field_id"":""LastName"",""function"":""StringStartsWith"",""value"":""A""}]"),
                body["filters"]), body["filters"]?.ToJsonString());
            Assert.Equal("2024-01-01T00:00:00Z", (string?)body["data_cutoff_timestamp"]);
            Assert.True((bool)body["disable_data_cutoff"]!);

            var read = Ps.Run($"Get-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact", sandbox, version);
            read.AssertSuccess();
            var schema = read.Single<PolytomicBulkSchema>();
            Assert.Equal(new[] { "Email:IsNotNull", "LastName:StringStartsWith" }, schema.Filters!.Select(f => $"{f["field_id"]}:{f["function"]}").ToArray());
            Assert.StartsWith("2024-01-01T00:00:00", schema.DataCutoffTimestamp);
            Assert.True(schema.DisableDataCutoff);

            // Other changes keep the filters; an empty -Filter removes them.
            Ps.Run($"Set-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact -OutputName contacts", sandbox, version).AssertSuccess();
            var kept = Ps.Run($"Get-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact", sandbox, version).Single<PolytomicBulkSchema>();
            Assert.Equal(2, kept.Filters!.Count);
            Ps.Run($"Set-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact -Filter @() -DisableDataCutoff:$false", sandbox, version).AssertSuccess();
            var cleared = Ps.Run($"Get-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact", sandbox, version).Single<PolytomicBulkSchema>();
            Assert.Empty(cleared.Filters ?? new List<Dictionary<string, object?>>());
            Assert.False(cleared.DisableDataCutoff);
        }

        [Theory]
        [InlineData("@{ Field = 'Email'; Function = 'IsMaybe' }", "UnknownFilterFunction")]
        [InlineData("@{ Field = 'Email'; Function = 'Equality' }", "InvalidFilter")]
        [InlineData("@{ Field = 'Email'; Function = 'IsNull'; Value = 'x' }", "InvalidFilter")]
        [InlineData("@{ Function = 'IsNull' }", "InvalidFilter")]
        [InlineData("@{ Field = 'Email'; Function = 'IsNull'; Label = 'A' }", "InvalidFilter")]
        [InlineData("'Email IsNull'", "InvalidFilter")]
        public void A_filter_Polytomic_would_refuse_is_an_error_before_any_request(string filter, string errorId)
        {
            var sync = NewSync("2025-09-18");
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"Set-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact -Filter {filter}", sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal(errorId + ",PolytomicPS.Commands.SetPolytomicBulkSchemaCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("-Filter", e.Exception.Message);
            Assert.DoesNotContain(Since(before), x => x.Path.StartsWith("/api/bulk", StringComparison.Ordinal));
        }

        [Fact]
        public void A_field_the_schema_lacks_is_refused_before_the_write_naming_the_fields_it_has()
        {
            var sync = NewSync("2024-02-08");
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"Set-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact -Filter @{{ Field = 'Mail'; Function = 'IsNull' }}", sandbox);
            var e = r.SingleError();
            Assert.Equal("UnknownBulkField,PolytomicPS.Commands.SetPolytomicBulkSchemaCommand", e.FullyQualifiedErrorId);
            Assert.Contains("'Mail'", e.Exception.Message);
            Assert.Contains("Email", e.Exception.Message);
            Assert.DoesNotContain(Since(before), x => x.Method != "GET");
        }

        [Fact]
        public void The_sandbox_refuses_an_unknown_function_or_field_as_Polytomic_does()
        {
            var sync = NewSync("2025-09-18");
            foreach (var filter in new[] { "@{ field_id = 'Email'; function = 'IsMaybe' }", "@{ field_id = 'Mail'; function = 'IsNull' }" })
            {
                var r = Ps.Run($"Invoke-PolytomicRequest -Method PUT -Path '/api/bulk/syncs/{sync}/schemas/Contact' -Body @{{ enabled = $true; filters = @({filter}) }}",
                    sandbox, "2025-09-18");
                Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.InvokePolytomicRequestCommand", r.SingleError().FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void Tab_offers_the_schemas_fields_then_every_filter_function_as_a_whole_filter()
        {
            var sync = NewSync("2025-09-18");
            var r = Ps.Run($@"
                $line = ""Set-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact -Filter Em""
                (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
                $line = ""Set-PolytomicBulkSchema -SyncId '{sync}' -Schema Contact -Filter Email=IsN""
                (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText", sandbox, "2025-09-18");
            r.AssertSuccess();
            var texts = r.Output.Select(o => o.ToString()).ToList();
            Assert.Equal(new[] { "Email=", "@{ Field = 'Email'; Function = 'IsNull' }", "@{ Field = 'Email'; Function = 'IsNotNull' }" }, texts);
        }
    }
}
