using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Polytomic.Workspace;

namespace PolytomicPS.Commands
{
    /// <summary>Exports the connections, models, syncs and bulk syncs of a Polytomic workspace to a folder of JSON files.</summary>
    /// <remarks>
    /// <para>Export-PolytomicWorkspace writes one JSON file per object, in a folder per kind (connections, models, syncs, bulk_syncs), named after the object, and a manifest.json with the format version, the API version and where the export came from. References use names, never ids: a model names its connection, a sync its models and target connection, a bulk sync its source and destination. Ids, time stamps, status and other fields Polytomic owns are not written.</para>
    /// <para>The files are deterministic: keys are sorted and lists keep a stable order, so exporting an unchanged workspace again gives byte-identical files and a git diff shows one object per file. Files of objects that no longer exist are removed.</para>
    /// <para>Secrets are never written. Each sensitive configuration field (as the connection type's schema marks it) becomes a placeholder such as {"$secret": "Warehouse.password"} that Import-PolytomicWorkspace -Secret resolves. OAuth connections are marked "sign_in": "oauth": after an import, open their AuthUrl to sign in.</para>
    /// <para>Names are the keys of a workspace: two objects of a kind with the same name stop the export with DuplicateWorkspaceName, listing them, before anything is written.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Export-PolytomicWorkspace -Path ./workspace
    /// git -C ./workspace add -A; git -C ./workspace commit -m 'Polytomic workspace'
    /// </code>
    /// <para>Exports everything and records it in git; the next export's diff shows exactly what changed.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Export-PolytomicWorkspace -Path ./sales -Name 'Sales*' -PassThru
    /// </code>
    /// <para>Exports only the objects whose names start with Sales and outputs the files written.</para>
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

        /// <summary>Outputs the files written (the manifest last).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Path;

        protected override void ProcessItem()
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
            System.Func<string, bool>? filter = patterns == null ? null : n => patterns.Any(p => p.IsMatch(n));
            var session = CurrentSession;
            var snapshot = Await((c, ct) => new WorkspaceReader(c).ReadAsync(WorkspaceKinds.All, filter, ct));
            var manifest = new WorkspaceManifest
            {
                ApiVersion = session.ApiVersion,
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
                written = WorkspaceFolder.Write(full, manifest, snapshot.Objects);
            }
            catch (WorkspaceException ex)
            {
                ThrowTerminatingError(WorkspaceCmdlet.Error(ex));
                return;
            }
            WriteVerbose($"Wrote {written.Count} object file(s) to {full}.");
            if (!PassThru) return;
            foreach (var f in written) WriteObject(new FileInfo(f));
            WriteObject(new FileInfo(System.IO.Path.Combine(full, WorkspaceFolder.ManifestFile)));
        }
    }
}
