using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Polytomic;
using Polytomic.Workspace;

namespace PolytomicPS.Commands
{
    /// <summary>What Compare- and Import-PolytomicWorkspace share: reading the folder and the target, their parameters'
    /// conversions, and the plan.</summary>
    public abstract class WorkspaceCmdlet : PolytomicCmdlet
    {
        /// <summary>The workspace folder (the one Export-PolytomicWorkspace wrote).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Values of the folder's secret placeholders: a hashtable of placeholder name (such as 'Warehouse.password') to a SecureString or string. Needed to create a connection, or to change a stored secret; an existing connection keeps its secret otherwise.</summary>
        [Parameter]
        public Hashtable? Secret { get; set; }

        /// <summary>Points connection names of the folder at differently named existing connections of the target: @{ 'Dev Warehouse' = 'Prod Warehouse' }. Mapped connections are used as they are, never changed.</summary>
        [Parameter]
        public Hashtable? ConnectionMap { get; set; }

        /// <summary>Also deletes the objects of the exported kinds (and -Name patterns) that the folder does not have.</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        /// <summary>Also sends the supplied secrets of connections that exist and otherwise match. Polytomic never shows a stored secret, so a change to it cannot be detected: without this switch a supplied secret is sent only with another change.</summary>
        [Parameter]
        public SwitchParameter UpdateSecret { get; set; }

        protected override object? ErrorTarget => Path;

        internal WorkspaceSnapshot? Target { get; private set; }

        /// <summary>Reads the folder and the target and plans; a workspace problem ends the command with its ErrorId.</summary>
        internal List<WorkspacePlanItem> BuildPlan()
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                var (manifest, objects) = WorkspaceFolder.Read(full);
                var secretProblems = Await((c, ct) => WorkspaceValidator.CheckSecretsAsync(c, objects, ct));
                if (secretProblems.Count > 0) throw WorkspaceException.Of(full, secretProblems);
                WriteVerbose($"Read {objects.Count} object(s) from {full} (exported from API version {manifest.ApiVersion}).");
                // The kinds the export wrote, and any the folder holds (-Include kinds are compared only when present).
                var kinds = manifest.Kinds.Concat(objects.Select(o => o.Kind)).Distinct().ToList();
                Target = Await((c, ct) => new WorkspaceReader(c).ReadAsync(kinds, null, ct));
                return WorkspacePlanner.Plan(manifest, objects, Target, new WorkspacePlanOptions
                {
                    Secrets = new HashSet<string>(Secrets().Keys, StringComparer.Ordinal),
                    ConnectionMap = Map(),
                    Prune = Prune,
                    UpdateSecrets = UpdateSecret,
                });
            }
            catch (WorkspaceException ex)
            {
                Fail(ex);
                throw;
            }
        }

        /// <summary>Ends the command with a workspace problem; a folder check's problems are first written one by one,
        /// each with its own ErrorId and the file as its target.</summary>
        internal void Fail(WorkspaceException ex)
        {
            foreach (var p in ex.Problems)
                WriteError(ErrorFactory.FromWorkspace(p));
            ThrowTerminatingError(Error(ex));
        }

        internal static ErrorRecord Error(WorkspaceException ex) => ErrorFactory.FromWorkspace(ex);

        private Dictionary<string, object>? secrets;

        /// <summary>-Secret by placeholder; values stay SecureStrings until they are sent.</summary>
        internal Dictionary<string, object> Secrets()
        {
            if (secrets != null) return secrets;
            secrets = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in Secret ?? new Hashtable())
            {
                var value = PSInput.Unwrap(e.Value);
                if (value is PSCredential cred) value = cred.Password;
                if (!(value is string) && !(value is SecureString))
                    ThrowTerminatingError(ErrorFactory.Input("InvalidSecretValue",
                        $"-Secret '{e.Key}' must be a SecureString or a string.", ErrorCategory.InvalidArgument, e.Key?.ToString()));
                secrets[e.Key?.ToString() ?? ""] = value!;
            }
            return secrets;
        }

        internal string? SecretValue(string placeholder) =>
            Secrets().TryGetValue(placeholder, out var v) ? v is SecureString s ? SecureStrings.ToPlain(s) : (string)v : null;

        private Dictionary<string, string> Map()
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in ConnectionMap ?? new Hashtable())
                map[e.Key?.ToString() ?? ""] = PSInput.Unwrap(e.Value)?.ToString() ?? "";
            return map;
        }

        internal IDictionary<string, string> ConnectionMapValue() => Map();
    }
}
