using System.Reflection;
using System.Reflection.Emit;

namespace CustomerLifecycle.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which others, read from the compiled code: every type's signatures (base type,
/// interfaces, fields, properties, method parameters and returns) and every type, method and field its method bodies name.
/// Reading the IL rather than the <c>using</c> lines also catches qualified names and what the compiler generated. A
/// namespace named <c>Internal</c> holds its parent's private workings and is counted as part of its parent.
/// </summary>
internal sealed class NamespaceGraph
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Assembly _assembly;
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph(Assembly assembly) => _assembly = assembly;

    /// <summary>For each namespace, the namespaces it uses, each with one example of a use (<c>Type → Type</c>).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Edges => _edges;

    public static NamespaceGraph Of(Assembly assembly)
    {
        var graph = new NamespaceGraph(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace is not null))
        {
            graph.AddSignatures(type);
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                graph.AddBody(type, method);
            }
        }

        return graph;
    }

    /// <summary>The groups of two or more namespaces that reach each other (strongly connected components).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var lowLinks = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indices[node] = lowLinks[node] = index++;
            stack.Push(node);
            foreach (var next in _edges.TryGetValue(node, out var targets) ? targets.Keys : Enumerable.Empty<string>())
            {
                if (!indices.ContainsKey(next))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (stack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], indices[next]);
                }
            }

            if (lowLinks[node] == indices[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in _edges.Keys.Concat(_edges.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private void AddSignatures(Type type)
    {
        AddType(type, type.BaseType);
        foreach (var implemented in type.GetInterfaces())
        {
            AddType(type, implemented);
        }

        foreach (var field in type.GetFields(Declared))
        {
            AddType(type, field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            AddType(type, property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared))
        {
            AddType(type, method.ReturnType);
            foreach (var parameter in method.GetParameters())
            {
                AddType(type, parameter.ParameterType);
            }
        }

        foreach (var constructor in type.GetConstructors(Declared))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                AddType(type, parameter.ParameterType);
            }
        }
    }

    private void AddBody(Type owner, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var typeArguments = owner.IsGenericType ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            var operandStart = position;
            position += OperandSize(opCode.OperandType, il, position);
            if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, operandStart);
                AddMember(owner, method.Module.ResolveMember(token, typeArguments, methodArguments));
            }
        }
    }

    private static int OperandSize(OperandType operandType, byte[] il, int position) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };

    private void AddMember(Type owner, MemberInfo? member)
    {
        switch (member)
        {
            case Type type:
                AddType(owner, type);
                break;
            case MethodInfo method:
                AddType(owner, method.DeclaringType);
                AddType(owner, method.ReturnType);
                foreach (var argument in method.IsGenericMethod ? method.GetGenericArguments() : [])
                {
                    AddType(owner, argument);
                }

                break;
            case MemberInfo other:
                AddType(owner, other.DeclaringType);
                break;
        }
    }

    private void AddType(Type owner, Type? used)
    {
        if (used is null)
        {
            return;
        }

        if (used.HasElementType)
        {
            AddType(owner, used.GetElementType());
            return;
        }

        if (used.IsGenericType && !used.IsGenericTypeDefinition)
        {
            AddType(owner, used.GetGenericTypeDefinition());
            foreach (var argument in used.GetGenericArguments())
            {
                AddType(owner, argument);
            }

            return;
        }

        if (used.Assembly != _assembly || used.IsGenericParameter || used.Namespace is null)
        {
            return;
        }

        var from = Node(owner.Namespace!);
        var to = Node(used.Namespace);
        if (from == to)
        {
            return;
        }

        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        targets.TryAdd(to, $"{Describe(owner)} → {Describe(used)}");
    }

    private static string Node(string @namespace) =>
        @namespace.EndsWith(".Internal", StringComparison.Ordinal) ? @namespace[..^".Internal".Length] : @namespace;

    private static string Describe(Type type) => type.DeclaringType is { } outer ? $"{Describe(outer)}.{type.Name}" : type.Name;
}
