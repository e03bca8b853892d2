using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Workspace;

namespace PolytomicPS.Commands
{
    /// <summary>Exports the connections, models, syncs and bulk syncs of a Polytomic workspace, and with -Include its roles, policies, webhook and global error subscribers, to a folder of JSON files.</summary>
    /// <remarks>
    /// <para>Export-PolytomicWorkspace writes one JSON file per object, in a folder per kind (connections, models, syncs, bulk_syncs), named after the object, and a manifest.json with the format version, the API version and where the export came from. References use names, never ids: a model names its connection, a sync its models and target connection, a bulk sync its source and destination. Ids, time stamps, status and other fields Polytomic owns are not written.</para>
    /// <para>The files are deterministic: keys are sorted and lists keep a stable order, so exporting an unchanged workspace again gives byte-identical files and a git diff shows one object per file. Each file is written whole (a temporary file, then a rename) and manifest.json last, listing the files written; a failed export (WorkspaceWriteFailed) leaves the previous folder readable.</para>
    /// <para>The folder is yours: the export deletes only files an earlier export wrote (those manifest.json lists) for objects that no longer exist, and keeps any other file with a warning naming it. It never writes through a link: a linked file or kind folder in the workspace stops it with WorkspaceLinkRefused, naming the link, before anything is written. An object whose name no file system takes as it is (over 255 bytes, a Windows device name such as CON, a trailing dot or space, or one of &lt;&gt;:"/\|?*) gets a file name of a readable prefix and a short hash; its real name stays inside the file.</para>
    /// <para>Secrets are never written. Each sensitive configuration field (as the connection type's schema marks it) becomes a placeholder such as {"$secret": "Warehouse.password"} that Import-PolytomicWorkspace -Secret resolves. OAuth connections are marked "sign_in": "oauth": after an import, open their AuthUrl to sign in.</para>
    /// <para>-Include adds kinds that are not exported by default: Roles (roles/), Policies (policies/, each naming its roles), Webhooks (webhooks/, the organization's event webhook, known by its endpoint; its signing secret becomes the placeholder {"$secret": "webhook:secret"}) and ErrorSubscribers (one file, error_subscribers.json, with the sorted e-mail list). Polytomic's system roles and policies are not written; a policy may still name a system role such as Admin. Compare- and Import-PolytomicWorkspace act on these kinds only when the folder has them, and -Prune deletes only kinds the export included. The files an earlier export wrote of kinds this one no longer includes are removed.</para>
    /// <para>Names are the keys of a workspace: two objects of a kind with the same name stop the export with DuplicateWorkspaceName, listing them, before anything is written.</para>
    /// <para>-Session takes several sessions, one per organization (Get-PolytomicOrganization | Connect-Polytomic -PartnerKey $key): the organizations are read side by side (up to four at once, each session paced on its own), and each is exported to its own folder under -Path, named after the organization (the same portable file names as objects; a name two organizations share gets the id added). The same organization twice is refused (DuplicateOrganization) before anything is written; an organization that fails writes its error and the others go on.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Export-PolytomicWorkspace -Path ./workspace
    /// git init --quiet ./workspace
/// git -C ./workspace add -A; git -C ./workspace commit --quiet -m 'Polytomic workspace'
    /// </code>
    /// <para>Exports everything and records it in git (git init makes the folder a repository the first time and leaves an existing one as it is); the next export's diff shows exactly what changed.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Export-PolytomicWorkspace -Path ./sales -Name 'Sales*' -PassThru
    /// </code>
    /// <para>Exports only the objects whose names start with Sales and outputs the files written.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Export-PolytomicWorkspace -Path ./workspace -Include Roles, Policies, Webhooks, ErrorSubscribers
    /// </code>
    /// <para>Also exports the roles, the policies (naming their roles), the webhook (its secret as a placeholder) and the global error subscribers.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $partner = Connect-Polytomic -PartnerKey $partnerKey -NoDefault
    /// $sessions = Get-PolytomicOrganization -Session $partner | Connect-Polytomic -PartnerKey $partnerKey
    /// Export-PolytomicWorkspace -Session $sessions -Path ./organizations
    /// Get-ChildItem ./organizations
    /// </code>
    /// <para>Exports every organization of a partner key in one run, one folder each.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "PolytomicWorkspace", HelpUri = HelpLinks.Cmdlets + "Export-PolytomicWorkspace.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportPolytomicWorkspaceCommand : PolytomicCmdlet
    {
        /// <summary>The folder to write (created if needed).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Exports only the objects whose names match these wildcard patterns (references to others are kept by name). Import -Prune then deletes only objects that match them.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>Also exports these kinds: Roles, Policies, Webhooks, ErrorSubscribers (none by default). The manifest lists them, so that Import -Prune deletes objects of these kinds too.</summary>
        [Parameter]
        [ValidateSet("Roles", "Policies", "Webhooks", "ErrorSubscribers", IgnoreCase = true)]
        public string[]? Include { get; set; }

        /// <summary>Outputs the files written (the manifest last).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The session to export; several sessions (one per organization) export each organization to its own folder under -Path.</summary>
        [Parameter]
        [ValidateNotNull]
        public new PolytomicSession[]? Session { get; set; }

        protected override object? ErrorTarget => Path;

        /// <summary>How many organizations are read at once: each session is paced on its own, but one partner's
        /// organizations may share a limit, so not all of them at the same moment.</summary>
        private const int OrganizationsAtOnce = 4;

        protected override void ProcessItem()
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var sessions = Session ?? new PolytomicSession[0];
            if (sessions.Length <= 1)
            {
                base.Session = sessions.FirstOrDefault();
                var session = CurrentSession;
                Write(full, session, Await((c, ct) => Read(c, ct)), many: false);
                return;
            }
            var folders = OrganizationFolders(sessions);
            // The organizations are read side by side (each session has its own client and pacer), then written one by one.
            var results = Await((_, ct) => ReadAll(sessions, ct));
            foreach (var (session, snapshot, error) in results)
            {
                base.Session = session;
                if (error != null) WriteError(ErrorFactory.FromApi(error, session.Organization));
                else Write(System.IO.Path.Combine(full, folders[session]), session, snapshot!, many: true);
            }
        }

        /// <summary>Each session's folder, named after its organization (read from /api/me when not known yet).</summary>
        private Dictionary<PolytomicSession, string> OrganizationFolders(PolytomicSession[] sessions)
        {
            var ids = new HashSet<string>();
            var names = new Dictionary<PolytomicSession, string>();
            foreach (var session in sessions)
            {
                base.Session = session;
                if (session.OrganizationName == null) session.Learn(Await((c, ct) => c.GetIdentityAsync(ct)));
                var id = session.OrganizationId ?? "";
                if (!ids.Add(id))
                    ThrowTerminatingError(ErrorFactory.Input("DuplicateOrganization",
                        $"Two of the sessions act in the same organization ({session.Organization}); pass each organization once.", ErrorCategory.InvalidArgument, id));
                names[session] = session.OrganizationName ?? id;
            }
            var folders = new Dictionary<PolytomicSession, string>();
            foreach (var pair in names)
            {
                var shared = names.Count(n => string.Equals(n.Value, pair.Value, System.StringComparison.OrdinalIgnoreCase)) > 1;
                var file = WorkspaceFileName.Of(shared ? $"{pair.Value} {pair.Key.OrganizationId}" : pair.Value);
                folders[pair.Key] = file.Substring(0, file.Length - ".json".Length);
            }
            return folders;
        }

        private List<string> Kinds => WorkspaceKinds.Core.Concat((Include ?? new string[0]).Select(i => WorkspaceKinds.Parse(i)!))
            .Distinct().OrderBy(WorkspaceKinds.Order).ToList();

        private System.Func<string, bool>? Filter
        {
            get
            {
                var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
                return patterns == null ? null : n => patterns.Any(p => p.IsMatch(n));
            }
        }

        private Task<WorkspaceSnapshot> Read(Polytomic.PolytomicClient client, CancellationToken ct) =>
            new WorkspaceReader(client).ReadAsync(Kinds, Filter, ct);

        private async Task<(PolytomicSession Session, WorkspaceSnapshot? Snapshot, Polytomic.PolytomicApiException? Error)[]> ReadAll(
            PolytomicSession[] sessions, CancellationToken ct)
        {
            using var gate = new SemaphoreSlim(OrganizationsAtOnce);
            return await Task.WhenAll(sessions.Select(async session =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try { return (session, (WorkspaceSnapshot?)await Read(session.Client, ct).ConfigureAwait(false), (Polytomic.PolytomicApiException?)null); }
                catch (Polytomic.PolytomicApiException ex) { return (session, (WorkspaceSnapshot?)null, ex); }
                finally { gate.Release(); }
            })).ConfigureAwait(false);
        }

        /// <summary>Writes one workspace folder. With several organizations, a problem of one is its error and the rest go on.</summary>
        private void Write(string full, PolytomicSession session, WorkspaceSnapshot snapshot, bool many)
        {
            var filter = Filter;
            var manifest = new WorkspaceManifest
            {
                ApiVersion = session.ApiVersion,
                Kinds = Kinds,
                Names = Name?.ToList(),
                SourceUrl = session.BaseUrl.ToString(),
                SourceOrganization = session.OrganizationId,
            };
            IReadOnlyList<string> written;
            try
            {
                var duplicates = snapshot.Duplicates(filter);
                if (duplicates.Count > 0)
                    throw new WorkspaceException("DuplicateWorkspaceName", "Names are the keys of a workspace, and these are not unique: " +
                        string.Join("; ", duplicates) + ". Rename them and export again.", duplicates);
                written = WorkspaceFolder.Write(full, manifest, snapshot.Objects, WriteWarning);
            }
            catch (WorkspaceException ex)
            {
                if (many) { WriteError(ErrorFactory.FromWorkspace(ex)); return; }
                ThrowTerminatingError(ErrorFactory.FromWorkspace(ex));
                return;
            }
            WriteVerbose($"Wrote {written.Count} object file(s) to {full}.");
            if (!PassThru) return;
            foreach (var f in written) WriteObject(new FileInfo(f));
            WriteObject(new FileInfo(System.IO.Path.Combine(full, WorkspaceFolder.ManifestFile)));
        }
    }
}
