using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a Polytomic connection.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicConnection asks for confirmation (ConfirmImpact High); -Force or -Confirm:$false skip the prompt and do nothing else. A connection still used by models, syncs or bulk syncs is kept and a ConnectionInUse error names what uses it.</para>
    /// <para>-Recurse deletes what uses the connection too: the syncs that write to it or read its models, the bulk syncs from or to it, then its models, then the connection, so nothing is left pointing at a deleted object. With -WhatIf it lists every object it would delete; one confirmation covers them all.</para>
    /// <para>In runbooks and other non-interactive hosts pass -Confirm:$false or -Force: nothing waits for an answer, and a prompt there is an error instead. -Force never deletes more than the connection named.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Test *' | Remove-PolytomicConnection -Confirm:$false
    /// </code>
    /// <para>Deletes every connection whose name starts with "Test " without prompting; one in use is kept and reported as ConnectionInUse.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-PolytomicConnection -Id $conn.Id -Recurse -WhatIf
    /// Remove-PolytomicConnection -Id $conn.Id -Recurse -Force
    /// </code>
    /// <para>Lists the syncs, bulk syncs and models that use the connection, then deletes them and the connection without prompting.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Old | Remove-PolytomicConnection -WhatIf
    /// </code>
    /// <para>Shows what would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicConnection", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicConnection.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicConnectionCommand : DependantsCmdlet
    {
        /// <summary>The connection to delete: an id or a connection object. Takes a connection, an id, or an object with a ConnectionId property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Also delete the syncs, bulk syncs and models that use the connection (syncs first, then models, then the connection).</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>Do not ask for confirmation. Deletes nothing more than without it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var what = Named("Connection", Id);
            var dependants = Recurse ? UsersOfConnection(Id) : new List<Dependant>();
            if (!ShouldRemove(what, dependants, Force)) return;
            try
            {
                RemoveDependants(dependants);
                Await((c, ct) => c.DeleteConnectionAsync(Id, false, ct));
                CurrentSession.Completion.Invalidate("connections");
            }
            catch (PolytomicApiException ex) when (ex.StatusCode == 422)
            {
                // Polytomic names the objects that use the connection directly; the syncs that read its models would be
                // left pointing at nothing too, so the full list (what -Recurse deletes) is named when it can be read.
                IEnumerable<string> users = ErrorFactory.UsedBy(ex).ToList();
                try
                {
                    var all = UsersOfConnection(Id);
                    if (all.Count > 0) users = all.Select(d => d.ToString());
                }
                catch (PolytomicApiException) { }
                WriteError(InUse("ConnectionInUse", what, Id, users, "Remove-PolytomicConnection", ex));
            }
        }
    }
}
