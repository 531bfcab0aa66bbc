/**
 * The part of ECharts the portal uses (bar charts on an SVG renderer), registered once. Imported lazily by
 * BarChart, so the library is a separate chunk that only pages with a chart load.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, SVGRenderer]);

export { init };
