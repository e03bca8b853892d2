using System.Linq;
using System.Management.Automation;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicConnection. Without -Force a connection still in use is kept and the error lists its users;
    /// -Force deletes them too (force=true) and skips the prompt.</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicConnectionCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, Force ? "Delete connection and everything that uses it" : "Delete connection")) return;
            try
            {
                Await((c, ct) => c.DeleteConnectionAsync(Id, Force, ct));
                CurrentSession.Completion.Invalidate("connections");
            }
            catch (PolytomicApiException ex) when (ex.StatusCode == 422 && !Force)
            {
                var users = ErrorFactory.UsedBy(ex).ToList();
                var record = new ErrorRecord(ex, "ConnectionInUse", ErrorCategory.ResourceBusy, Id);
                var message = users.Count > 0
                    ? $"Connection {Id} is in use by {string.Join(", ", users)}. Remove those first, or use -Force to delete them with it."
                    : $"Connection {Id} could not be deleted: {ex.ApiMessage ?? ex.Message}";
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Remove-PolytomicConnection -Force deletes the connection and what uses it." };
                WriteError(record);
            }
        }
    }
}
