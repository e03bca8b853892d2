using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using System.Xml;

namespace PolytomicPS.HelpGen
{
    /// <summary>Writes MAML command help (what Get-Help reads) for every cmdlet class of an assembly. Structure comes
    /// from PowerShell's own CommandMetadata (parameter sets, positions, pipeline input, aliases), words from the
    /// doc comments. A cmdlet with no docs still gets an entry, with empty parts, so the help test names what is missing.</summary>
    public static class MamlWriter
    {
        private const string Msh = "http://msh";
        private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private const string AllSets = "__AllParameterSets";

        // Get-Help lists these as <CommonParameters>; WhatIf/Confirm are written below for ShouldProcess cmdlets.
        private static readonly HashSet<string> CommonParameters = new HashSet<string>(new[]
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
            "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
            "UseTransaction",
        }, StringComparer.OrdinalIgnoreCase);

        public static int Write(Assembly assembly, DocComments docs, string path)
        {
            var cmdlets = assembly.GetExportedTypes()
                .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() != null)
                .Select(t => (Type: t, Attr: t.GetCustomAttribute<CmdletAttribute>()!))
                .OrderBy(c => c.Attr.NounName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Attr.VerbName, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
            using var w = XmlWriter.Create(path, settings);
            w.WriteStartDocument();
            w.WriteStartElement("helpItems", Msh);
            w.WriteAttributeString("schema", "maml");
            foreach (var (type, attr) in cmdlets)
                WriteCommand(w, type, attr, docs, cmdlets.Select(c => c.Attr).ToList());
            w.WriteEndElement();
            w.WriteEndDocument();
            return cmdlets.Count;
        }

        private static void WriteCommand(XmlWriter w, Type type, CmdletAttribute attr, DocComments docs, List<CmdletAttribute> all)
        {
            var name = attr.VerbName + "-" + attr.NounName;
            var metadata = new CommandMetadata(type);
            var parameters = metadata.Parameters.Values
                .Where(p => !CommonParameters.Contains(p.Name))
                .Select(p => new Param(p, Property(type, p.Name), type, docs))
                .ToList();
            // A cmdlet's own wording must name a parameter it inherits: a misspelt or stale one would be silently unused.
            foreach (var worded in docs.OwnWording(type).Keys)
                if (Property(type, worded) is not { } inherited || inherited.DeclaringType == type)
                    throw new InvalidOperationException($"{attr.VerbName}-{attr.NounName}: <parameter name=\"{worded}\"> names no parameter it inherits.");
            if (metadata.SupportsShouldProcess)
            {
                parameters.Add(Param.Switch("WhatIf", "wi", "Shows what would happen if the cmdlet runs. The cmdlet is not run."));
                parameters.Add(Param.Switch("Confirm", "cf", "Prompts you for confirmation before running the cmdlet. In runbooks and other non-interactive hosts pass -Confirm:$false (or -Force where the cmdlet has it) so nothing waits for an answer."));
            }
            if (metadata.SupportsPaging)
            {
                // The engine adds these to SupportsPaging cmdlets at binding time; CommandMetadata does not list them.
                parameters.Add(Param.Named("First", typeof(ulong), "Outputs only this many objects; no further page is fetched once they are written."));
                parameters.Add(Param.Named("Skip", typeof(ulong), "Skips this many objects before writing any."));
                parameters.Add(Param.Switch("IncludeTotalCount", null, "Also outputs the number of objects seen (written last, as a PSObject with an Accuracy note when the count is only an estimate)."));
            }
            var defaults = DefaultValues(type);

            w.WriteStartElement("command", "command", Command);
            w.WriteAttributeString("xmlns", "maml", null, Maml);
            w.WriteAttributeString("xmlns", "dev", null, Dev);

            w.WriteStartElement("details", Command);
            w.WriteElementString("name", Command, name);
            Description(w, docs.Summary(type));
            w.WriteElementString("verb", Command, attr.VerbName);
            w.WriteElementString("noun", Command, attr.NounName);
            w.WriteEndElement();

            Description(w, docs.Remarks(type));

            // Syntax: one item per parameter set, default set first.
            w.WriteStartElement("syntax", Command);
            foreach (var set in ParameterSets(parameters, metadata.DefaultParameterSetName))
            {
                w.WriteStartElement("syntaxItem", Command);
                w.WriteElementString("name", Maml, name);
                foreach (var p in parameters.Where(p => p.In(set)).OrderBy(p => p.Position(set) ?? int.MaxValue).ThenByDescending(p => p.Mandatory(set)).ThenBy(p => p.Name))
                    WriteParameter(w, p, set, defaults, syntax: true);
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("parameters", Command);
            foreach (var p in parameters.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
                WriteParameter(w, p, null, defaults, syntax: false);
            w.WriteEndElement();

            w.WriteStartElement("inputTypes", Command);
            var inputs = parameters.Where(p => p.ByValue || p.ByPropertyName).ToList();
            if (inputs.Count == 0) TypeEntry(w, "inputType", "None", "This cmdlet does not take pipeline input.");
            foreach (var group in inputs.GroupBy(p => p.TypeFullName))
                TypeEntry(w, "inputType", group.Key, string.Join(" ", group.Select(p =>
                    $"-{p.Name} takes {(p.ByValue ? "pipeline objects" + (p.ByPropertyName ? " and " : "") : "")}{(p.ByPropertyName ? "their " + string.Join("/", new[] { p.Name }.Concat(p.Aliases)) + " property" : "")}.")));
            w.WriteEndElement();

            w.WriteStartElement("returnValues", Command);
            var outputs = type.GetCustomAttributes<OutputTypeAttribute>().SelectMany(o => o.Type).Select(t => t.Name)
                .Where(t => t != typeof(void).FullName).Distinct().ToList();
            if (outputs.Count == 0) TypeEntry(w, "returnValue", "None", "This cmdlet writes no objects.");
            foreach (var o in outputs) TypeEntry(w, "returnValue", o, "");
            w.WriteEndElement();

            w.WriteStartElement("alertSet", Maml);
            w.WriteStartElement("alert", Maml);
            Para(w, "Run Connect-Polytomic first (or pass -Session). See about_PolytomicPS for sessions, errors, retries and runbooks.");
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("examples", Command);
            var n = 0;
            foreach (var example in docs.Examples(type))
            {
                w.WriteStartElement("example", Command);
                w.WriteElementString("title", Maml, $"-------------------------- Example {++n} --------------------------");
                w.WriteElementString("code", Dev, example.Code);
                w.WriteStartElement("remarks", Dev);
                foreach (var r in example.Remarks) Para(w, r);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("relatedLinks", Command);
            // Get-Help -Online opens the first link's URI: the cmdlet's generated page (its HelpUri).
            if (!string.IsNullOrEmpty(attr.HelpUri)) Link(w, "Online Version:", attr.HelpUri);
            Link(w, "about_PolytomicPS");
            foreach (var other in all.Where(a => a.NounName == attr.NounName && a.VerbName != attr.VerbName))
                Link(w, other.VerbName + "-" + other.NounName);
            w.WriteEndElement();

            w.WriteEndElement();
        }

        private static void WriteParameter(XmlWriter w, Param p, string? set, IDictionary<string, string> defaults, bool syntax)
        {
            w.WriteStartElement("parameter", Command);
            w.WriteAttributeString("required", (set == null ? p.MandatoryAnywhere : p.Mandatory(set)) ? "true" : "false");
            w.WriteAttributeString("variableLength", p.IsArray ? "true" : "false");
            w.WriteAttributeString("globbing", p.Wildcards ? "true" : "false");
            w.WriteAttributeString("pipelineInput", p.PipelineInput);
            var position = set == null ? p.PositionAnywhere : p.Position(set);
            w.WriteAttributeString("position", position?.ToString() ?? "named");
            w.WriteAttributeString("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
            w.WriteElementString("name", Maml, p.Name);
            Description(w, p.Description);
            if (syntax && p.ValidValues.Count > 0)
            {
                w.WriteStartElement("parameterValueGroup", Command);
                foreach (var v in p.ValidValues)
                {
                    w.WriteStartElement("parameterValue", Command);
                    w.WriteAttributeString("required", "false");
                    w.WriteAttributeString("variableLength", "false");
                    w.WriteString(v);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            if (!p.IsSwitch)
            {
                w.WriteStartElement("parameterValue", Command);
                w.WriteAttributeString("required", "true");
                w.WriteAttributeString("variableLength", p.IsArray ? "true" : "false");
                w.WriteString(p.TypeName);
                w.WriteEndElement();
            }
            w.WriteStartElement("type", Dev);
            w.WriteElementString("name", Maml, p.TypeFullName);
            w.WriteElementString("uri", Maml, "");
            w.WriteEndElement();
            w.WriteElementString("defaultValue", Dev, defaults.TryGetValue(p.Name, out var d) ? d : (p.IsSwitch ? "False" : "None"));
            w.WriteEndElement();
        }

        private static IEnumerable<string> ParameterSets(List<Param> parameters, string? defaultSet)
        {
            var sets = parameters.SelectMany(p => p.Sets).Where(s => s != AllSets).Distinct().ToList();
            if (sets.Count == 0) return new[] { AllSets };
            return sets.OrderBy(s => s == defaultSet ? 0 : 1).ThenBy(s => s);
        }

        /// <summary>Defaults as a new instance has them (an unset value shows as None).</summary>
        private static IDictionary<string, string> DefaultValues(Type type)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            object? instance;
            try { instance = Activator.CreateInstance(type); } catch (Exception) { return result; }
            foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
            {
                object? value;
                try { value = prop.GetValue(instance); } catch (Exception) { continue; }
                var text = value switch
                {
                    null => null,
                    SwitchParameter s => s.IsPresent ? "True" : null,
                    string s => s.Length > 0 ? s : null,
                    IEnumerable e => e.Cast<object?>().Any() ? string.Join(", ", e.Cast<object?>()) : null,
                    bool b => b ? "True" : null,
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                };
                if (text != null && !(value is int i && i == 0) && !(value is double dd && dd == 0)) result[prop.Name] = text;
            }
            return result;
        }

        private static PropertyInfo? Property(Type type, string name) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name == name)
                .OrderBy(p => p.DeclaringType == type ? 0 : 1).FirstOrDefault();

        private static void Description(XmlWriter w, IReadOnlyList<string> paragraphs)
        {
            w.WriteStartElement("description", Maml);
            foreach (var p in paragraphs) Para(w, p);
            w.WriteEndElement();
        }

        private static void Para(XmlWriter w, string text) => w.WriteElementString("para", Maml, text);

        private static void TypeEntry(XmlWriter w, string element, string typeName, string description)
        {
            w.WriteStartElement(element, Command);
            w.WriteStartElement("type", Dev);
            w.WriteElementString("name", Maml, typeName);
            w.WriteEndElement();
            w.WriteStartElement("description", Maml);
            Para(w, description);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        private static void Link(XmlWriter w, string text, string uri = "")
        {
            w.WriteStartElement("navigationLink", Maml);
            w.WriteElementString("linkText", Maml, text);
            w.WriteElementString("uri", Maml, uri);
            w.WriteEndElement();
        }

        /// <summary>One parameter as help describes it.</summary>
        private sealed class Param
        {
            private readonly Dictionary<string, ParameterSetMetadata> sets;

            public Param(ParameterMetadata meta, PropertyInfo? property, Type cmdlet, DocComments docs)
            {
                Name = meta.Name;
                sets = meta.ParameterSets;
                Aliases = meta.Aliases.ToList();
                var t = meta.ParameterType;
                IsSwitch = meta.SwitchParameter;
                IsArray = t.IsArray;
                TypeName = FriendlyName(t);
                TypeFullName = (Nullable.GetUnderlyingType(t) ?? t).FullName ?? t.Name;
                Wildcards = meta.Attributes.OfType<SupportsWildcardsAttribute>().Any();
                ValidValues = meta.Attributes.OfType<ValidateSetAttribute>().SelectMany(v => v.ValidValues).ToList();
                Description = property != null ? docs.Summary(property, cmdlet) : Array.Empty<string>();
            }

            private Param(string name, string? alias, Type type, string description)
            {
                Name = name;
                sets = new Dictionary<string, ParameterSetMetadata>();
                Aliases = alias == null ? new List<string>() : new List<string> { alias };
                IsSwitch = type == typeof(SwitchParameter);
                TypeName = FriendlyName(type);
                TypeFullName = type.FullName!;
                ValidValues = new List<string>();
                Description = new[] { description };
            }

            public static Param Switch(string name, string? alias, string description) => new Param(name, alias, typeof(SwitchParameter), description);

            public static Param Named(string name, Type type, string description) => new Param(name, null, type, description);

            public string Name { get; }
            public List<string> Aliases { get; }
            public bool IsSwitch { get; }
            public bool IsArray { get; }
            public string TypeName { get; }
            public string TypeFullName { get; }
            public bool Wildcards { get; }
            public List<string> ValidValues { get; }
            public IReadOnlyList<string> Description { get; }
            public IEnumerable<string> Sets => sets.Keys;

            public bool In(string set) => sets.Count == 0 || sets.ContainsKey(set) || sets.ContainsKey(AllSets);
            private ParameterSetMetadata? For(string set) => sets.TryGetValue(set, out var m) ? m : sets.TryGetValue(AllSets, out var a) ? a : null;
            public bool Mandatory(string set) => For(set)?.IsMandatory == true;
            public int? Position(string set) => For(set) is { } m && m.Position >= 0 ? m.Position : null;
            public bool MandatoryAnywhere => sets.Values.Any(s => s.IsMandatory);
            public int? PositionAnywhere => sets.Values.Where(s => s.Position >= 0).Select(s => (int?)s.Position).FirstOrDefault();
            public bool ByValue => sets.Values.Any(s => s.ValueFromPipeline);
            public bool ByPropertyName => sets.Values.Any(s => s.ValueFromPipelineByPropertyName);

            public string PipelineInput =>
                ByValue && ByPropertyName ? "True (ByValue, ByPropertyName)" : ByValue ? "True (ByValue)" : ByPropertyName ? "True (ByPropertyName)" : "False";

            private static string FriendlyName(Type t)
            {
                t = Nullable.GetUnderlyingType(t) ?? t;
                return t.IsArray ? FriendlyName(t.GetElementType()!) + "[]" : t.Name;
            }
        }
    }
}
