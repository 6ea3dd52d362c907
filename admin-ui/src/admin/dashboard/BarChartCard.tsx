import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from './ChartCard';

/** A ChartCard with one bar per row of `data`: `x` on the axis, `y` as the bar's height. */
export function BarChartCard(props: {
  title: string;
  data: object[];
  x: string;
  y: string;
  /** The bar's name in the tooltip. */
  yName: string;
  fill: string | undefined;
  /** false for counts (tasks): whole numbers on the axis; recharts' default is true. */
  allowDecimals?: boolean;
  /** The same numbers as a table (ChartCard). */
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <ChartCard
      title={props.title}
      empty={!props.data.length}
      columns={props.columns}
      rows={props.rows}
    >
      <ResponsiveContainer>
        <BarChart data={props.data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={props.x} />
          <YAxis allowDecimals={props.allowDecimals ?? true} />
          <Tooltip />
          <Bar dataKey={props.y} name={props.yName} fill={props.fill} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
