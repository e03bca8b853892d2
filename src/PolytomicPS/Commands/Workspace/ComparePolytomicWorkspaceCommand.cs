using System.Management.Automation;
using Polytomic.Workspace;

namespace PolytomicPS.Commands
{
    /// <summary>Compares a workspace folder with the Polytomic workspace of the session, as a plan.</summary>
    /// <remarks>
    /// <para>Compare-PolytomicWorkspace reads the folder that Export-PolytomicWorkspace wrote and the connections, models, syncs and bulk syncs of the session's organization, matches them by kind and name, and outputs one plan step per object: Create, Update (with each changed field's old and new value), NoChange, NeedsSecret (a connection or webhook to create, or a webhook whose endpoint changes, whose secret placeholders -Secret does not supply) or, with -Prune, Delete. It writes nothing: Import-PolytomicWorkspace with the same parameters applies exactly this plan.</para>
    /// <para>Roles, policies, the webhook and the global error subscribers (what Export-PolytomicWorkspace -Include writes) are compared only when the folder has them or its manifest lists them; a policy's roles are compared by name, and the folder's webhook with the organization's one webhook (an endpoint change is an Update).</para>
    /// <para>Fields a file does not state are left as Polytomic has them and are not compared. Secrets never appear: a secret change shows only as (changed).</para>
    /// <para>The folder is checked as Import-PolytomicWorkspace checks it, before anything else: a file of the wrong shape, a field an export would not write, a malformed or misplaced secret placeholder, a bad manifest, a link or a file over 5 MB is reported as an error naming the file and the JSON path (the same ErrorIds Import gives), and WorkspaceFolderInvalid ends the comparison.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Compare-PolytomicWorkspace -Path ./workspace
    /// </code>
    /// <para>Shows the plan, one line per object, in the order the import would apply it.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Compare-PolytomicWorkspace ./workspace -Prune | Where-Object Action -ne NoChange | Select-Object -ExpandProperty Changes
    /// </code>
    /// <para>Lists each changed field with its old and new value, including what -Prune would delete.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Compare-PolytomicWorkspace ./workspace -ConnectionMap @{ 'Dev Warehouse' = 'Prod Warehouse' } -Session $prod
    /// </code>
    /// <para>Compares against another organization's session, with the dev connection's name pointed at the production one.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Export-PolytomicWorkspace ./access -Include Roles, Policies -Name 'Analyst*' -Session $dev
    /// Compare-PolytomicWorkspace ./access -Session $prod | Where-Object Kind -in Role, Policy
    /// </code>
    /// <para>Shows how production's Analyst roles and policies differ from dev's.</para>
    /// </example>
    [Cmdlet(VerbsData.Compare, "PolytomicWorkspace", HelpUri = HelpLinks.Cmdlets + "Compare-PolytomicWorkspace.md")]
    [OutputType(typeof(WorkspacePlanItem))]
    public sealed class ComparePolytomicWorkspaceCommand : WorkspaceCmdlet
    {
        protected override void ProcessItem()
        {
            foreach (var item in BuildPlan()) WriteObject(item);
        }
    }
}
