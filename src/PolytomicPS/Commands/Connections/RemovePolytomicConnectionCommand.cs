using System.Linq;
using System.Management.Automation;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a Polytomic connection.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicConnection asks for confirmation (ConfirmImpact High). A connection still used by models or syncs is kept and a ConnectionInUse error lists what uses it; -Force deletes those too and skips the confirmation.</para>
    /// <para>In runbooks and other non-interactive hosts pass -Confirm:$false or -Force: nothing waits for an answer, and a prompt there is an error instead.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Test *' | Remove-PolytomicConnection -Confirm:$false
    /// </code>
    /// <para>Deletes every connection whose name starts with "Test " without prompting.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-PolytomicConnection -Id $conn.Id -Force
    /// </code>
    /// <para>Deletes a connection and the models and syncs that use it, without prompting.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Old | Remove-PolytomicConnection -WhatIf
    /// </code>
    /// <para>Shows what would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicConnection", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicConnection.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection to delete. Takes objects with an Id or ConnectionId property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Also delete the models and syncs that use the connection, and do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Named("Connection", Id), Force ? "Delete connection and everything that uses it" : "Delete connection")) return;
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
