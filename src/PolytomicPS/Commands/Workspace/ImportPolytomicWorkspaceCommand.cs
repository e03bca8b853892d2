using System.Linq;
using System.Management.Automation;
using Polytomic.Workspace;

namespace PolytomicPS.Commands
{
    /// <summary>Applies a workspace folder to the Polytomic workspace of the session: creates and updates by name, and with -Prune deletes.</summary>
    /// <remarks>
    /// <para>Import-PolytomicWorkspace makes the plan Compare-PolytomicWorkspace shows and applies it in dependency order: connections, then models (waiting for new connections' schema caches), syncs and bulk syncs (with their schedules and schemas), and with -Prune the deletions last, dependents first. Objects are matched by name; -ConnectionMap points a folder's connection name at a differently named existing connection (dev name to production name).</para>
    /// <para>It is idempotent: importing the same folder again makes no writes. With -WhatIf it makes none either and outputs the plan.</para>
    /// <para>The whole folder is checked before the first write: each file against its kind's shape (types, required fields, Polytomic's enums such as a sync's mode), fields an export would not write (refused, UnknownWorkspaceField: they would never be sent, so the folder would never converge), the manifest (format, API version, kinds), links (never followed, WorkspaceLinkRefused) and size (at most 5 MB a file, WorkspaceFileTooLarge). Secret placeholders must be exactly {"$secret": "&lt;connection&gt;.&lt;field&gt;"}, naming the connection whose file holds them and a field its type marks secret; anything else in a secret field, or anything that looks like a placeholder and is not one, is InvalidSecretPlaceholder. Each problem is written as an error naming the file and the JSON path, and WorkspaceFolderInvalid then ends the import with nothing written.</para>
    /// <para>Secrets: creating a connection needs every secret placeholder of its file in -Secret; a missing one stops the import before anything is written (WorkspaceSecretMissing, naming the placeholders). For a connection that already exists, an unresolved placeholder keeps the stored secret. OAuth connections are created and reported with the AuthUrl to open to sign in.</para>
    /// <para>If a step fails, what depends on it is skipped, the rest goes on, and each output step's Result says Applied, Unchanged, Failed, Skipped or NotRun; the failures are also written as errors (WorkspaceStepFailed). Running the import again picks up from there. Every create is one request with its own Idempotency-Key, so retries never create twice.</para>
    /// <para>Roles, policies, the webhook and the global error subscribers (Export-PolytomicWorkspace -Include) are applied after the rest, roles before the policies that name them, and only when the folder has them. The folder's webhook updates the organization's one webhook even if its endpoint differs; creating it, or changing its endpoint, needs its secret: -Secret @{ 'webhook:secret' = ... }. The error subscribers list is replaced as a whole.</para>
    /// <para>-Prune deletes objects of the exported kinds (and -Name patterns of the export) that the folder does not have; each deletion asks for confirmation unless -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Import-PolytomicWorkspace -Path ./workspace -Secret @{ 'Warehouse.password' = (Read-Host -AsSecureString) } -WhatIf
    /// </code>
    /// <para>Shows what the import would do, without writing anything.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $prod = Connect-Polytomic -ApiKey $prodKey -NoDefault
    /// Import-PolytomicWorkspace ./workspace -Session $prod -Secret $secrets -ConnectionMap @{ 'Dev Warehouse' = 'Prod Warehouse' }
    /// </code>
    /// <para>Promotes a dev export into the production organization, using its existing warehouse connection. -NoDefault keeps the dev session the default for every other command.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Import-PolytomicWorkspace ./workspace -Prune -Force | Where-Object Result -ne Unchanged
    /// </code>
    /// <para>Makes the workspace match the folder exactly, deleting what the folder lacks, and shows what changed.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Export-PolytomicWorkspace ./workspace -Include Roles, Policies, Webhooks, ErrorSubscribers -Session $dev
    /// Import-PolytomicWorkspace ./workspace -Session $prod -Secret ($secrets + @{ 'webhook:secret' = $hookSecret })
    /// </code>
    /// <para>Promotes the roles, policies, webhook and error subscribers too; the webhook's signing secret is supplied, never stored in the folder.</para>
    /// </example>
    [Cmdlet(VerbsData.Import, "PolytomicWorkspace", HelpUri = HelpLinks.Cmdlets + "Import-PolytomicWorkspace.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WorkspacePlanItem))]
    public sealed class ImportPolytomicWorkspaceCommand : WorkspaceCmdlet
    {
        /// <summary>Deletes (-Prune) without asking for each one.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How long a model or bulk sync waits for a new connection's schema cache, in seconds (default 120).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int SchemaTimeoutSeconds { get; set; } = 120;

        private bool yesToAll, noToAll;

        protected override void ProcessItem()
        {
            var plan = BuildPlan();
            var missing = plan.Where(i => i.Action == WorkspaceAction.NeedsSecret).ToList();
            var whatIf = MyInvocation.BoundParameters.ContainsKey("WhatIf") && ((SwitchParameter)MyInvocation.BoundParameters["WhatIf"]).IsPresent;
            if (missing.Count > 0 && !whatIf)
            {
                var names = missing.SelectMany(i => i.MissingSecrets).Distinct().ToList();
                var record = ErrorFactory.Input("WorkspaceSecretMissing",
                    $"Nothing was written: {string.Join(", ", missing.Select(i => $"{(i.Changes.Count > 0 ? "changing" : "creating")} {i.Kind} '{i.Name}'"))} needs the secret(s) {string.Join(", ", names)}.",
                    ErrorCategory.InvalidArgument, names,
                    "Pass them to -Secret, e.g. -Secret @{ '" + names[0] + "' = (Read-Host -AsSecureString) }.");
                ThrowTerminatingError(record);
            }

            var applier = new WorkspaceApplier(Client, Target!, SecretValue, ConnectionMapValue())
            {
                SchemaCacheTimeout = System.TimeSpan.FromSeconds(SchemaTimeoutSeconds),
            };
            var progress = new ProgressRecord(0x5753, "Import-PolytomicWorkspace", "Applying");
            var steps = plan.Count(i => i.Action != WorkspaceAction.NoChange);
            var done = 0;
            foreach (var item in plan)
            {
                if (item.Action != WorkspaceAction.NoChange)
                {
                    if (!Approve(item)) { item.MarkNotRun(); WriteObject(item); continue; }
                    progress.StatusDescription = item.ToString();
                    progress.PercentComplete = 100 * done++ / System.Math.Max(1, steps);
                    WriteProgress(progress);
                }
                Await((c, ct) => applier.ApplyAsync(item, ct));
                if (item.Note != null && item.Note.StartsWith("sign in", System.StringComparison.Ordinal))
                    WriteWarning($"Connection '{item.Name}' uses OAuth: {item.Note}");
                WriteObject(item);
                if (item.Result == "Failed" || item.Result == "Skipped")
                    WriteError(ErrorFactory.About(item.Name, "WorkspaceStepFailed", ErrorCategory.InvalidOperation, $"{item.Kind} '{item.Name}' was not applied: {item.Error}",
                        "Fix the cause and run the import again: what was applied stays, and it picks up from there."));
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        private bool Approve(WorkspacePlanItem item)
        {
            var target = $"{item.Kind} '{item.Name}'";
            var action = item.Action switch
            {
                WorkspaceAction.Create => "Create",
                WorkspaceAction.Delete => "Delete",
                WorkspaceAction.NeedsSecret => (item.Changes.Count > 0 ? "Update" : "Create") + " (needs " + string.Join(", ", item.MissingSecrets) + ")",
                _ => "Update: " + item.Detail,
            };
            if (!ShouldProcess(target, action)) return false;
            if (item.Action != WorkspaceAction.Delete || Force) return true;
            return ShouldContinue($"Delete {target}? It is not in the workspace folder.", "Prune", ref yesToAll, ref noToAll);
        }
    }
}
