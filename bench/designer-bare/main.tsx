import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { generateScenario } from './scenario.js';

/**
 * The baseline of the designer benchmark: React Flow with nothing of Cairn — default nodes and
 * edges for the same generated graph, state held the way the React Flow docs show.
 */
const query = new URLSearchParams(location.search);
const count = Number(query.get('blocks') ?? 1000);
// The canvas gets the size the Designer's canvas has, so both draw the same area.
const size = { width: Number(query.get('w') ?? 900), height: Number(query.get('h') ?? 600) };
const doc = generateScenario(count);
const initialNodes: Node[] = doc.blocks.map((b) => ({ id: b.id, position: { x: b.at[0], y: b.at[1] }, data: { label: b.id }, style: { width: 200 } }));
const edges: Edge[] = doc.links.map((l) => ({ id: `${l.from}->${l.to}`, source: l.from, target: l.to }));

function Bare() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  return (
    <div style={size}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={0.1} />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Bare />);
