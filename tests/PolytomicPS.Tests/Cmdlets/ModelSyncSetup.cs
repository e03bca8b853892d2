using System.Management.Automation;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>What the model and the sync tests share: their set-up script and their error check.</summary>
    internal static class ModelSyncSetup
    {
        /// <summary>A ready Snowflake source, a Salesforce target and a model over PUBLIC.users.</summary>
        public const string Setup = @"
$sf = New-PolytomicConnection -Name ('sf-' + [guid]::NewGuid()) -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' } |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Name ('crm-' + [guid]::NewGuid()) -Type salesforce -Configuration @{ domain = 'https://x.my.salesforce.com' } -WarningAction SilentlyContinue
$model = $sf | New-PolytomicModel -Name 'Users' -Table PUBLIC.users
";

        public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        public static void AssertError(PsResult r, string errorId, ErrorCategory category, string? message = null)
        {
            var e = r.SingleError();
            Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
            if (message != null) Assert.Contains(message, e.Exception.Message);
        }
    }
}
