/** The plugin UI's entry: connect to the main thread and render the app. */
import { render } from 'preact';
import { App } from './app';
import { connectMain } from './bus/main-bus';
import './styles.css';

render(<App main={connectMain()} />, document.getElementById('app')!);
