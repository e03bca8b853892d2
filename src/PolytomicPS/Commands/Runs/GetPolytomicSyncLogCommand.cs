using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSyncLog: the log files of a model-sync run, by type (records, errors, warnings, inserts,
    /// updates, deletes), as signed URLs; -OutFile downloads them (with a plain HTTP client: the URLs are signed and
    /// must not receive the API key).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSyncLog")]
    [OutputType(typeof(PolytomicSyncLog), typeof(FileInfo))]
    public sealed class GetPolytomicSyncLogCommand : PolytomicCmdlet
    {
        /// <summary>The sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The execution (pipe it, or give its id).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>Log types; all of them when omitted.</summary>
        [Parameter(Position = 2)]
        [ValidateSet("records", "errors", "warnings", "inserts", "updates", "deletes")]
        public string[] Type { get; set; } = ExecutionStatuses.LogTypes;

        /// <summary>Download into this file; when the logs span several files, this is a folder that receives each under its own name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        protected override object? ErrorTarget => ExecutionId;

        protected override void ProcessItem()
        {
            var logs = new List<PolytomicSyncLog>();
            foreach (var type in Type.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var log = Await((c, ct) => c.GetSyncLogAsync(SyncId, ExecutionId, type.ToLowerInvariant(), ct));
                if (OutFile == null) WriteObject(log);
                else logs.Add(log);
            }
            if (OutFile == null) return;

            var files = logs.SelectMany(l => l.Urls).ToList();
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            if (files.Count == 0)
            {
                WriteWarning($"Run {ExecutionId} has no {string.Join("/", Type)} log files yet; nothing was downloaded.");
                return;
            }
            var asFolder = files.Count > 1 || Directory.Exists(path);
            if (asFolder) Directory.CreateDirectory(path);
            for (int i = 0; i < files.Count; i++)
            {
                var url = files[i];
                var target = asFolder ? Path.Combine(path, FileName(url, i)) : path;
                WriteProgress(new ProgressRecord(0x106, $"Downloading the logs of run {ExecutionId}", $"{i + 1} of {files.Count}: {Path.GetFileName(target)}")
                {
                    PercentComplete = 100 * i / files.Count,
                });
                var bytes = Await((c, ct) => c.DownloadAsync(url, target, ct));
                WriteVerbose($"Wrote {bytes} bytes to {target}");
                WriteObject(new FileInfo(target));
            }
            WriteProgress(new ProgressRecord(0x106, $"Downloading the logs of run {ExecutionId}", "Done") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>The URL's last path segment, made safe as a file name (never a path).</summary>
        private static string FileName(string url, int index)
        {
            var name = Uri.TryCreate(url, UriKind.Absolute, out var u) ? Uri.UnescapeDataString(u.Segments.LastOrDefault() ?? "") : "";
            name = new string(name.Select(ch => Path.GetInvalidFileNameChars().Contains(ch) || ch == '/' || ch == '\\' ? '_' : ch).ToArray()).Trim('.', ' ');
            return string.IsNullOrEmpty(name) ? $"log-{index + 1}.json" : name;
        }
    }
}
