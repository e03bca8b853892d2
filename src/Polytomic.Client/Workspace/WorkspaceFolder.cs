using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Polytomic.Workspace
{
    /// <summary>A workspace on disk: manifest.json, and one JSON file per object in a folder per kind, named after the
    /// object, so that a diff of the folder shows one object per file.</summary>
    public static class WorkspaceFolder
    {
        public const string ManifestFile = "manifest.json";

        /// <summary>The one file of the error subscribers list (a list, not objects: no folder).</summary>
        public const string ErrorSubscribersFile = "error_subscribers.json";

        /// <summary>Where an object's file lives, relative to the workspace folder.</summary>
        public static string RelativePath(WorkspaceObject o) =>
            o.Kind == WorkspaceKinds.ErrorSubscribers ? ErrorSubscribersFile : Path.Combine(o.Kind, FileName(o.Name));

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>The file name of an object: its name with the characters no file system takes replaced by '_'.</summary>
        public static string FileName(string name)
        {
            var invalid = new HashSet<char>(Path.GetInvalidFileNameChars().Concat(new[] { '<', '>', ':', '"', '/', '\\', '|', '?', '*' }));
            var sb = new StringBuilder(name.Length + 5);
            foreach (var ch in name) sb.Append(invalid.Contains(ch) || char.IsControl(ch) ? '_' : ch);
            var text = sb.ToString().TrimEnd('.', ' ');
            if (text.Length == 0) text = "_";
            return text + ".json";
        }

        /// <summary>Writes the objects, and removes files of the written kinds that no longer match an object. Two objects
        /// of a kind with one name, or whose names give one file name, are an error listing them, before anything is written.</summary>
        public static IReadOnlyList<string> Write(string path, WorkspaceManifest manifest, IEnumerable<WorkspaceObject> objects)
        {
            var list = objects.ToList();
            var files = new Dictionary<string, WorkspaceObject>(StringComparer.OrdinalIgnoreCase);
            var clashes = new List<string>();
            foreach (var o in list)
            {
                var file = RelativePath(o);
                if (files.TryGetValue(file, out var other))
                    clashes.Add(other.Name == o.Name ? $"{WorkspaceKinds.Display(o.Kind)} '{o.Name}'"
                        : $"{WorkspaceKinds.Display(o.Kind)} '{other.Name}' and '{o.Name}' (both {file})");
                else files[file] = o;
            }
            if (clashes.Count > 0)
                throw new WorkspaceException("DuplicateWorkspaceName",
                    "Names are the keys of a workspace, and these are not unique: " + string.Join("; ", clashes.Distinct()) +
                    ". Rename them (Set-PolytomicConnection/-Model/-Sync -Name) and export again.", clashes);

            Directory.CreateDirectory(path);
            var written = new List<string>();
            foreach (var kv in files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var full = Path.Combine(path, kv.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                WriteIfChanged(full, WorkspaceJson.ToFileText(kv.Value.Body));
                written.Add(full);
            }
            // Every kind: a kind the export no longer includes leaves no files behind for Compare and Import to act on.
            foreach (var kind in WorkspaceKinds.All)
            {
                if (kind == WorkspaceKinds.ErrorSubscribers)
                {
                    if (!files.ContainsKey(ErrorSubscribersFile)) File.Delete(Path.Combine(path, ErrorSubscribersFile));
                    continue;
                }
                var dir = Path.Combine(path, kind);
                if (!Directory.Exists(dir)) continue;
                foreach (var stale in Directory.GetFiles(dir, "*.json"))
                    if (!files.ContainsKey(Path.Combine(kind, Path.GetFileName(stale)))) File.Delete(stale);
            }
            WriteIfChanged(Path.Combine(path, ManifestFile), WorkspaceJson.ToFileText(manifest.ToJson()));
            return written;
        }

        /// <summary>Leaves an unchanged file untouched (its time stamp too).</summary>
        private static void WriteIfChanged(string file, string text)
        {
            var bytes = Utf8.GetBytes(text);
            if (File.Exists(file) && File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes)) return;
            File.WriteAllBytes(file, bytes);
        }

        public static (WorkspaceManifest Manifest, List<WorkspaceObject> Objects) Read(string path)
        {
            var manifestPath = Path.Combine(path, ManifestFile);
            if (!File.Exists(manifestPath))
                throw new WorkspaceException("WorkspaceManifestNotFound", $"'{path}' is not a workspace folder: it has no {ManifestFile}. Export-PolytomicWorkspace writes one.", path);
            var manifest = WorkspaceManifest.FromJson(Parse(manifestPath));
            if (manifest.FormatVersion != WorkspaceManifest.CurrentFormat)
                throw new WorkspaceException("WorkspaceFormatNotSupported",
                    $"{manifestPath} has format_version {manifest.FormatVersion}; this module reads format {WorkspaceManifest.CurrentFormat}.", manifestPath);
            var objects = new List<WorkspaceObject>();
            foreach (var kind in WorkspaceKinds.All)
            {
                var dir = Path.Combine(path, kind);
                var found = kind == WorkspaceKinds.ErrorSubscribers
                    ? (File.Exists(Path.Combine(path, ErrorSubscribersFile)) ? new[] { Path.Combine(path, ErrorSubscribersFile) } : new string[0])
                    : Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json") : new string[0];
                foreach (var file in found.OrderBy(f => f, StringComparer.Ordinal))
                {
                    var o = new WorkspaceObject(kind, Parse(file));
                    if (string.IsNullOrWhiteSpace(o.Name))
                        throw new WorkspaceException("WorkspaceObjectWithoutName",
                            $"{file} has no \"{(kind == WorkspaceKinds.Webhooks ? "endpoint" : "name")}\": names are the keys of a workspace.", file);
                    objects.Add(o);
                }
            }
            var duplicates = objects.GroupBy(o => (o.Kind, o.Name)).Where(g => g.Count() > 1)
                .Select(g => $"{WorkspaceKinds.Display(g.Key.Kind)} '{g.Key.Name}' ({g.Count()} files)").ToList();
            if (duplicates.Count > 0)
                throw new WorkspaceException("DuplicateWorkspaceName", "Names are the keys of a workspace, and these are not unique in the folder: " +
                    string.Join("; ", duplicates) + ".", duplicates);
            return (manifest, objects);
        }

        private static JsonObject Parse(string file)
        {
            try
            {
                return JsonNode.Parse(File.ReadAllText(file, Utf8)) as JsonObject
                    ?? throw new WorkspaceException("InvalidWorkspaceFile", $"{file} does not hold a JSON object.", file);
            }
            catch (JsonException ex)
            {
                throw new WorkspaceException("InvalidWorkspaceFile", $"{file} is not valid JSON: {ex.Message}", file);
            }
        }
    }
}
