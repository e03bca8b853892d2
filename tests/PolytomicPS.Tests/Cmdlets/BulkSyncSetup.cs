namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>What the bulk sync tests share: a source and a destination ready to sync.</summary>
    internal static class BulkSyncSetup
    {
        /// <summary>A Salesforce source (or the type given) and a Snowflake destination whose schema caches are ready.</summary>
        public static (string Source, string Destination) ReadyConnections(SandboxFixture sandbox, string sourceType = "salesforce",
            string sourceConfig = "@{ domain = 'https://example.my.salesforce.com' }")
        {
            var r = Ps.Run($@"
                New-PolytomicConnection -Name '{ModelSyncSetup.Unique("src")}' -Type {sourceType} -Configuration {sourceConfig} -WarningAction SilentlyContinue
                New-PolytomicConnection -Name '{ModelSyncSetup.Unique("dst")}' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }}", sandbox);
            r.AssertSuccess();
            var ids = r.All<Polytomic.Models.PolytomicConnection>().Select(c => c.Id).ToList();
            foreach (var id in ids) sandbox.State.Connections.Get(id)!["_cache_ready_at"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o");
            return (ids[0], ids[1]);
        }
    }
}
