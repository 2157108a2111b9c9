export { EntityCccMonitoringContent } from './EntityCccMonitoringContent';
export { LineChart } from './LineChart';
export type { ChartBand, ChartLine, LineChartProps } from './LineChart';
